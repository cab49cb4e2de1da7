package io.fanzha.ledger.command.inspection.web;

import io.fanzha.ledger.command.inspection.ConductInspection;
import io.fanzha.ledger.events.InspectionKind;
import io.fanzha.ledger.events.InspectionRating;
import io.fanzha.ledger.platform.web.LedgerId;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
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
@RequestMapping("/api/inspections")
class InspectionController {

  private final CommandGateway commands;

  InspectionController(CommandGateway commands) {
    this.commands = commands;
  }

  record InspectionRequest(
      @NotNull @LedgerId String id,
      @NotNull @LedgerId String campaignId,
      @NotNull @LedgerId String unitId,
      @NotNull InspectionKind kind,
      @NotNull LocalDate conductedOn,
      @NotBlank @Size(max = 10_000) String findings,
      @NotNull InspectionRating rating) {}

  @PostMapping
  ResponseEntity<Map<String, String>> conduct(@Valid @RequestBody InspectionRequest request) {
    commands.sendAndWait(
        new ConductInspection(
            request.id(),
            request.campaignId(),
            request.unitId(),
            request.kind(),
            request.conductedOn(),
            request.findings(),
            request.rating()));
    return ResponseEntity.created(URI.create("/api/inspections/" + request.id()))
        .body(Map.of("id", request.id()));
  }
}
