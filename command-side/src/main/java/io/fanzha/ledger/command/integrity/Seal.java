package io.fanzha.ledger.command.integrity;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import io.fanzha.ledger.command.recording.IdAlreadyUsed;
import io.fanzha.ledger.command.recording.RuleBroken;
import io.fanzha.ledger.command.recording.StreamIds;
import io.fanzha.ledger.events.PeriodSealed;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

/** A seal is recorded once; asking again for the same period answers the seal already made. */
@Aggregate
public class Seal {

  @AggregateIdentifier private String streamId;
  private PeriodSealed sealed;

  protected Seal() {}

  @CommandHandler
  @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
  PeriodSealed handle(SealPeriod command) {
    if (sealed != null) {
      if (!sealed.from().equals(command.from()) || !sealed.to().equals(command.to())) {
        throw new IdAlreadyUsed("seal", command.sealId());
      }
      return sealed;
    }
    if (command.to().isBefore(command.from())) {
      throw new RuleBroken("to", "A period cannot end before it begins.");
    }
    apply(
        new PeriodSealed(
            command.sealId(),
            command.from(),
            command.to(),
            command.eventCount(),
            command.merkleRoot(),
            command.headPosition(),
            command.headHash()));
    return sealed;
  }

  @EventSourcingHandler
  void on(PeriodSealed event) {
    this.streamId = StreamIds.seal(event.sealId());
    this.sealed = event;
  }
}
