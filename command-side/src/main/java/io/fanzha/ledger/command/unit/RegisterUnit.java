package io.fanzha.ledger.command.unit;

import io.fanzha.ledger.command.recording.StreamIds;
import io.fanzha.ledger.events.UnitKind;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record RegisterUnit(
    String unitId, String name, UnitKind kind, String parentId, Integer population) {

  @TargetAggregateIdentifier
  public String streamId() {
    return StreamIds.unit(unitId);
  }
}
