package io.fanzha.ledger.command.lead.web;

import io.fanzha.ledger.command.lead.AcknowledgeLead;
import io.fanzha.ledger.command.lead.DiscloseReporterContact;
import io.fanzha.ledger.command.lead.RecordLeadOutcome;
import io.fanzha.ledger.command.lead.ReportFraudLead;
import io.fanzha.ledger.events.FraudCategory;
import io.fanzha.ledger.events.LeadOutcome;
import io.fanzha.ledger.events.Reporter;
import io.fanzha.ledger.events.Suspect;
import io.fanzha.ledger.platform.access.AccessKind;
import io.fanzha.ledger.platform.access.AccessTrail;
import io.fanzha.ledger.platform.web.LedgerId;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Validated
@RequestMapping("/api/fraud-leads")
class FraudLeadController {

  private static final Logger log = LoggerFactory.getLogger(FraudLeadController.class);
  private static final String PHONE = "\\+?[0-9][0-9 -]{2,19}";

  private final CommandGateway commands;

  private final AccessTrail accessTrail;

  FraudLeadController(CommandGateway commands, AccessTrail accessTrail) {
    this.commands = commands;
    this.accessTrail = accessTrail;
  }

  record SuspectRequest(
      @Size(max = 20) List<@NotNull @Pattern(regexp = PHONE) String> phones,
      @Size(max = 20) List<@NotBlank @Size(max = 100) String> accounts,
      @Size(max = 20) List<@NotBlank @Size(max = 500) String> urls) {}

  record ReporterRequest(
      @NotBlank @Size(max = 50) String name, @NotNull @Pattern(regexp = PHONE) String phone) {

    @Override
    public String toString() {
      return "ReporterRequest[redacted]";
    }
  }

  record LeadRequest(
      @NotNull @LedgerId String id,
      @NotNull @LedgerId String reportingUnitId,
      @LedgerId String campaignId,
      @NotNull LocalDate discoveredOn,
      @NotNull FraudCategory category,
      @NotBlank @Size(max = 2000) String summary,
      @NotNull @Valid SuspectRequest suspect,
      @Valid ReporterRequest reporter) {}

  record OutcomeRequest(@NotNull LeadOutcome outcome, @Size(max = 2000) String note) {}

  @PostMapping("/{id}/outcome")
  ResponseEntity<Map<String, Object>> outcome(
      @PathVariable @LedgerId String id, @Valid @RequestBody OutcomeRequest request) {
    commands.sendAndWait(new RecordLeadOutcome(id, request.outcome(), request.note()));
    return ResponseEntity.ok(Map.of("id", id, "outcome", request.outcome()));
  }

  /** The body is optional and, when sent, empty: there is nothing to say but "we hold it". */
  record AcknowledgementRequest() {}

  @PostMapping("/{id}/acknowledgement")
  ResponseEntity<Map<String, Object>> acknowledge(
      @PathVariable @LedgerId String id,
      @RequestBody(required = false) AcknowledgementRequest request) {
    Boolean newly = commands.sendAndWait(new AcknowledgeLead(id));
    boolean acknowledgedNow = Boolean.TRUE.equals(newly);
    log.info("lead {} acknowledged{}", id, acknowledgedNow ? "" : " (already was)");
    return ResponseEntity.ok(Map.of("id", id, "newlyAcknowledged", acknowledgedNow));
  }

  /** The reporter's contact, for the police; never logged. The call is recorded as an access. */
  record ReporterContact(String name, String phone) {

    @Override
    public String toString() {
      return "ReporterContact[redacted]";
    }
  }

  @PostMapping("/{id}/reporter-disclosures")
  ReporterContact discloseReporter(@PathVariable @LedgerId String id) {
    Reporter reporter = commands.sendAndWait(new DiscloseReporterContact(id));
    accessTrail.record(AccessKind.PERSONAL_DATA_READ, "reporter of lead " + id);
    log.info("lead {}: reporter contact disclosed", id);
    return new ReporterContact(reporter.name(), reporter.phone());
  }

  @PostMapping
  ResponseEntity<Map<String, String>> report(@Valid @RequestBody LeadRequest request) {
    SuspectRequest s = request.suspect();
    commands.sendAndWait(
        new ReportFraudLead(
            request.id(),
            request.reportingUnitId(),
            request.campaignId(),
            request.discoveredOn(),
            request.category(),
            request.summary(),
            new Suspect(s.phones(), s.accounts(), s.urls()),
            request.reporter() == null
                ? null
                : new Reporter(request.reporter().name(), request.reporter().phone())));
    return ResponseEntity.created(URI.create("/api/fraud-leads/" + request.id()))
        .body(Map.of("id", request.id()));
  }
}
