package io.fanzha.ledger.command.integrity.web;

import io.fanzha.ledger.command.integrity.Integrity;
import io.fanzha.ledger.events.PeriodSealed;
import io.fanzha.ledger.platform.web.LedgerId;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.time.LocalDate;
import org.springframework.context.annotation.Profile;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Profile("!axonserver")
@RequestMapping("/api/audit")
class IntegrityController {

  private final Integrity integrity;

  IntegrityController(Integrity integrity) {
    this.integrity = integrity;
  }

  record SealRequest(
      @NotNull @LedgerId String id, @NotNull LocalDate from, @NotNull LocalDate to) {}

  @PostMapping("/seals")
  ResponseEntity<PeriodSealed> seal(@Valid @RequestBody SealRequest request) {
    PeriodSealed sealed = integrity.seal(request.id(), request.from(), request.to());
    return ResponseEntity.created(URI.create("/api/audit/seals/" + request.id())).body(sealed);
  }

  @GetMapping("/verify")
  Integrity.Verdict verify(
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
    return integrity.verify(from, to);
  }
}
