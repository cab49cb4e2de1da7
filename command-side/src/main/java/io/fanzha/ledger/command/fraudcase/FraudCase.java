package io.fanzha.ledger.command.fraudcase;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import io.fanzha.ledger.command.recording.Creates;
import io.fanzha.ledger.command.recording.References;
import io.fanzha.ledger.command.recording.RuleBroken;
import io.fanzha.ledger.command.recording.StreamIds;
import io.fanzha.ledger.command.time.DueInstants;
import io.fanzha.ledger.events.FraudCaseRecorded;
import io.fanzha.ledger.events.UnitKind;
import java.time.Clock;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

@Aggregate
public class FraudCase {

  @AggregateIdentifier private String streamId;
  private FraudCaseRecorded recorded;

  protected FraudCase() {}

  @CommandHandler
  @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
  void handle(RecordFraudCase command, References references, Clock clock) {
    FraudCaseRecorded event =
        new FraudCaseRecorded(
            command.caseId(),
            command.communityId(),
            command.occurredOn(),
            command.category(),
            command.lossYuan(),
            command.victimGroup());
    if (Creates.alreadyRecorded(recorded, event, "fraud case", command.caseId())) {
      return;
    }
    if (references.requireUnit("communityId", command.communityId()).kind() != UnitKind.COMMUNITY) {
      throw new RuleBroken("communityId", "Fraud cases are recorded per community.");
    }
    if (command.occurredOn().isAfter(DueInstants.today(clock.instant()))) {
      throw new RuleBroken("occurredOn", "A case cannot have occurred in the future.");
    }
    apply(event);
  }

  @EventSourcingHandler
  void on(FraudCaseRecorded event) {
    this.streamId = StreamIds.fraudCase(event.caseId());
    this.recorded = event;
  }
}
