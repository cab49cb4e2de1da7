package io.fanzha.ledger.command.unit.web;

import io.fanzha.ledger.command.unit.RegisterUnit;
import io.fanzha.ledger.events.UnitKind;
import io.fanzha.ledger.platform.web.LedgerId;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.util.Map;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/units")
class UnitController {

  private final CommandGateway commands;

  UnitController(CommandGateway commands) {
    this.commands = commands;
  }

  record UnitRequest(
      @NotNull @LedgerId String id,
      @NotBlank @Size(max = 100) String name,
      @NotNull UnitKind kind,
      @LedgerId String parentId,
      @PositiveOrZero Integer population) {}

  @PostMapping
  ResponseEntity<Map<String, String>> register(@Valid @RequestBody UnitRequest request) {
    commands.sendAndWait(
        new RegisterUnit(
            request.id(),
            request.name(),
            request.kind(),
            request.parentId(),
            request.population()));
    return ResponseEntity.created(URI.create("/api/units/" + request.id()))
        .body(Map.of("id", request.id()));
  }
}
