package io.fanzha.ledger.command.fraudcase.web;

import io.fanzha.ledger.command.fraudcase.RecordFraudCase;
import io.fanzha.ledger.events.FraudCategory;
import io.fanzha.ledger.events.TargetGroup;
import io.fanzha.ledger.platform.web.LedgerId;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import java.math.BigDecimal;
import java.net.URI;
import java.time.LocalDate;
import java.util.Map;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/fraud-cases")
class FraudCaseController {

  private final CommandGateway commands;

  FraudCaseController(CommandGateway commands) {
    this.commands = commands;
  }

  record FraudCaseRequest(
      @NotNull @LedgerId String id,
      @NotNull @LedgerId String communityId,
      @NotNull LocalDate occurredOn,
      @NotNull FraudCategory category,
      @NotNull @DecimalMin("0") @DecimalMax("1000000000") @Digits(integer = 10, fraction = 2)
          BigDecimal lossYuan,
      TargetGroup victimGroup) {}

  @PostMapping
  ResponseEntity<Map<String, String>> record(@Valid @RequestBody FraudCaseRequest request) {
    commands.sendAndWait(
        new RecordFraudCase(
            request.id(),
            request.communityId(),
            request.occurredOn(),
            request.category(),
            request.lossYuan(),
            request.victimGroup()));
    return ResponseEntity.created(URI.create("/api/fraud-cases/" + request.id()))
        .body(Map.of("id", request.id()));
  }
}
