package io.fanzha.ledger.command.commendation.web;

import io.fanzha.ledger.command.commendation.CommendUnit;
import io.fanzha.ledger.platform.web.LedgerId;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.net.URI;
import java.util.Map;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/commendations")
class CommendationController {

  private final CommandGateway commands;

  CommendationController(CommandGateway commands) {
    this.commands = commands;
  }

  record CommendationRequest(
      @NotNull @LedgerId String id,
      @NotNull @LedgerId String campaignId,
      @NotNull @LedgerId String unitId,
      @NotNull
          @DecimalMin(value = "0", inclusive = false)
          @DecimalMax("100")
          @Digits(integer = 3, fraction = 1)
          BigDecimal points,
      @NotBlank @Size(max = 2000) String reason) {}

  @PostMapping
  ResponseEntity<Map<String, String>> commend(@Valid @RequestBody CommendationRequest request) {
    commands.sendAndWait(
        new CommendUnit(
            request.id(),
            request.campaignId(),
            request.unitId(),
            request.points(),
            request.reason()));
    return ResponseEntity.created(URI.create("/api/commendations/" + request.id()))
        .body(Map.of("id", request.id()));
  }
}
