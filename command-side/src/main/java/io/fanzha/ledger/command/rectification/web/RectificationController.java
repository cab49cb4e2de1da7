package io.fanzha.ledger.command.rectification.web;

import io.fanzha.ledger.command.rectification.CompleteRectification;
import io.fanzha.ledger.command.rectification.OrderRectification;
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
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Validated
@RequestMapping("/api/rectifications")
class RectificationController {

  private final CommandGateway commands;

  RectificationController(CommandGateway commands) {
    this.commands = commands;
  }

  record RectificationRequest(
      @NotNull @LedgerId String id,
      @NotNull @LedgerId String campaignId,
      @NotNull @LedgerId String unitId,
      @LedgerId String inspectionId,
      @NotBlank @Size(max = 5_000) String requirement,
      @NotNull LocalDate dueDate) {}

  record CompletionRequest(@Size(max = 5_000) String note) {}

  @PostMapping
  ResponseEntity<Map<String, String>> order(@Valid @RequestBody RectificationRequest request) {
    commands.sendAndWait(
        new OrderRectification(
            request.id(),
            request.campaignId(),
            request.unitId(),
            request.inspectionId(),
            request.requirement(),
            request.dueDate()));
    return ResponseEntity.created(URI.create("/api/rectifications/" + request.id()))
        .body(Map.of("id", request.id()));
  }

  @PostMapping("/{id}/completion")
  ResponseEntity<Map<String, Object>> complete(
      @PathVariable @LedgerId String id, @Valid @RequestBody CompletionRequest request) {
    commands.sendAndWait(new CompleteRectification(id, request.note()));
    return ResponseEntity.ok(Map.of("id", id, "completed", true));
  }
}
