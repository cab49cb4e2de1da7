package io.fanzha.ledger.command.lead;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import io.fanzha.ledger.command.recording.Actor;
import io.fanzha.ledger.command.recording.Creates;
import io.fanzha.ledger.command.recording.References;
import io.fanzha.ledger.command.recording.RuleBroken;
import io.fanzha.ledger.command.recording.StreamIds;
import io.fanzha.ledger.events.FraudLeadReported;
import io.fanzha.ledger.events.LeadOutcomeRecorded;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

@Aggregate
public class FraudLead {

  @AggregateIdentifier private String streamId;
  private FraudLeadReported reported;
  private LeadOutcomeRecorded lastOutcome;

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

  @EventSourcingHandler
  void on(LeadOutcomeRecorded event) {
    this.lastOutcome = event;
  }

  @EventSourcingHandler
  void on(FraudLeadReported event) {
    this.streamId = StreamIds.lead(event.leadId());
    this.reported = event;
  }
}
