package io.fanzha.ledger.command.penalty.web;

import io.fanzha.ledger.command.penalty.PenalizeUnit;
import io.fanzha.ledger.command.penalty.RevokePenalty;
import io.fanzha.ledger.events.PenaltyReason;
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
import java.util.List;
import java.util.Map;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Validated
@RequestMapping("/api/penalties")
class PenaltyController {

  private final CommandGateway commands;

  PenaltyController(CommandGateway commands) {
    this.commands = commands;
  }

  record PenaltyRequest(
      @NotNull @LedgerId String id,
      @NotNull @LedgerId String campaignId,
      @NotNull @LedgerId String unitId,
      @NotNull
          @DecimalMin(value = "0", inclusive = false)
          @DecimalMax("100")
          @Digits(integer = 3, fraction = 1)
          BigDecimal points,
      @NotNull PenaltyReason reasonCode,
      @NotBlank @Size(max = 2000) String description,
      @Size(max = 100) List<@NotNull @Size(min = 1, max = 64) String> basisEventIds) {}

  record RevocationRequest(@NotBlank @Size(max = 2000) String reason) {}

  @PostMapping
  ResponseEntity<Map<String, String>> penalize(@Valid @RequestBody PenaltyRequest request) {
    commands.sendAndWait(
        new PenalizeUnit(
            request.id(),
            request.campaignId(),
            request.unitId(),
            request.points(),
            request.reasonCode(),
            request.description(),
            request.basisEventIds() == null ? List.of() : request.basisEventIds()));
    return ResponseEntity.created(URI.create("/api/penalties/" + request.id()))
        .body(Map.of("id", request.id()));
  }

  @PostMapping("/{id}/revocation")
  ResponseEntity<Map<String, Object>> revoke(
      @PathVariable @LedgerId String id, @Valid @RequestBody RevocationRequest request) {
    commands.sendAndWait(new RevokePenalty(id, request.reason()));
    return ResponseEntity.ok(Map.of("id", id, "revoked", true));
  }
}
