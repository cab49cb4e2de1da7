package io.fanzha.ledger.command.lead;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import io.fanzha.ledger.command.recording.Actor;
import io.fanzha.ledger.command.recording.Creates;
import io.fanzha.ledger.command.recording.References;
import io.fanzha.ledger.command.recording.RuleBroken;
import io.fanzha.ledger.command.recording.StreamIds;
import io.fanzha.ledger.events.FraudLeadReported;
import io.fanzha.ledger.events.LeadAcknowledged;
import io.fanzha.ledger.events.LeadEscalated;
import io.fanzha.ledger.events.LeadOutcomeRecorded;
import io.fanzha.ledger.events.Reporter;
import io.fanzha.ledger.events.ReporterContactDisclosed;
import io.fanzha.ledger.platform.pipl.PersonalDataKeys;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * A lead and its hand-off to the police: outcomes, the acknowledgement (an outcome counts as one),
 * the escalation when neither came within the acknowledgement window, and every disclosure of the
 * reporter's contact.
 */
@Aggregate
public class FraudLead {

  @AggregateIdentifier private String streamId;
  private FraudLeadReported reported;
  private LeadOutcomeRecorded lastOutcome;

  /** When the police first acknowledged the lead or recorded an outcome, whichever came first. */
  private Instant heldSince;

  private boolean escalated;

  protected FraudLead() {}

  @CommandHandler
  @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
  void handle(ReportFraudLead command, Actor actor, References references, Clock clock) {
    actor.mustBeBoundTo(command.reportingUnitId());
    FraudLeadReported event =
        new FraudLeadReported(
            command.leadId(),
            command.reportingUnitId(),
            command.campaignId(),
            command.discoveredOn(),
            command.category(),
            command.summary(),
            command.suspect(),
            command.reporter());
    if (Creates.alreadyRecorded(reported, event, "lead", command.leadId())) {
      return;
    }
    references.requireUnit("reportingUnitId", command.reportingUnitId());
    if (command.campaignId() != null) {
      references.requireCampaign("campaignId", command.campaignId());
    }
    if (command.discoveredOn().isAfter(LocalDate.now(clock.withZone(ZoneId.of("Asia/Shanghai"))))) {
      throw new RuleBroken("discoveredOn", "A lead cannot be discovered in the future.");
    }
    apply(event);
  }

  /** Outcomes may move on (under investigation, then case filed); repeating the last is a no-op. */
  @CommandHandler
  void handle(RecordLeadOutcome command) {
    LeadOutcomeRecorded event =
        new LeadOutcomeRecorded(
            reported.leadId(),
            reported.reportingUnitId(),
            reported.campaignId(),
            command.outcome(),
            command.note());
    if (!event.equals(lastOutcome)) {
      apply(event);
    }
  }

  /**
   * Records {@code LeadAcknowledged} once. A lead the police already gave an outcome is held
   * already: acknowledging it records nothing.
   *
   * @return whether this call acknowledged the lead
   */
  @CommandHandler
  boolean handle(AcknowledgeLead command) {
    if (heldSince != null) {
      return false;
    }
    apply(
        new LeadAcknowledged(reported.leadId(), reported.reportingUnitId(), reported.campaignId()));
    return true;
  }

  /**
   * Escalates once, and only a lead that neither an acknowledgement nor an outcome reached by the
   * end of its window: one that came later than that, before the sweep ran, does not undo the
   * lateness.
   */
  @CommandHandler
  void handle(EscalateLead command) {
    if (escalated) {
      return;
    }
    if (heldSince != null && !heldSince.isAfter(command.acknowledgeBy())) {
      return;
    }
    apply(
        new LeadEscalated(
            reported.leadId(),
            reported.reportingUnitId(),
            reported.campaignId(),
            command.acknowledgeBy()));
  }

  /** Every disclosure is recorded: the event is the access record, its metadata who asked. */
  @CommandHandler
  Reporter handle(DiscloseReporterContact command) {
    Reporter reporter = reported.reporter();
    if (reporter == null) {
      throw new NoReporter(reported.leadId());
    }
    if (PersonalDataKeys.ERASED.equals(reporter.phone())) {
      throw new ReporterErased(reported.leadId());
    }
    apply(
        new ReporterContactDisclosed(
            reported.leadId(), reported.reportingUnitId(), reported.campaignId()));
    return reporter;
  }

  @EventSourcingHandler
  void on(LeadOutcomeRecorded event, @Timestamp Instant at) {
    this.lastOutcome = event;
    held(at);
  }

  @EventSourcingHandler
  void on(LeadAcknowledged event, @Timestamp Instant at) {
    held(at);
  }

  @EventSourcingHandler
  void on(LeadEscalated event) {
    this.escalated = true;
  }

  private void held(Instant at) {
    if (heldSince == null || at.isBefore(heldSince)) {
      heldSince = at;
    }
  }

  @EventSourcingHandler
  void on(FraudLeadReported event) {
    this.streamId = StreamIds.lead(event.leadId());
    this.reported = event;
  }
}
