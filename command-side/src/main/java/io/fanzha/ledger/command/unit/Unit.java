package io.fanzha.ledger.command.unit;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import io.fanzha.ledger.command.recording.Creates;
import io.fanzha.ledger.command.recording.References;
import io.fanzha.ledger.command.recording.RuleBroken;
import io.fanzha.ledger.command.recording.StreamIds;
import io.fanzha.ledger.events.UnitRegistered;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

@Aggregate
public class Unit {

  @AggregateIdentifier private String streamId;
  private UnitRegistered registered;

  protected Unit() {}

  @CommandHandler
  @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
  void handle(RegisterUnit command, References references) {
    UnitRegistered event =
        new UnitRegistered(
            command.unitId(),
            command.name(),
            command.kind(),
            command.parentId(),
            command.population());
    if (Creates.alreadyRecorded(registered, event, "unit", command.unitId())) {
      return;
    }
    if (command.parentId() != null) {
      if (command.parentId().equals(command.unitId())) {
        throw new RuleBroken("parentId", "A unit cannot be its own parent.");
      }
      references.requireUnit("parentId", command.parentId());
    }
    apply(event);
  }

  @EventSourcingHandler
  void on(UnitRegistered event) {
    this.streamId = StreamIds.unit(event.unitId());
    this.registered = event;
  }
}
