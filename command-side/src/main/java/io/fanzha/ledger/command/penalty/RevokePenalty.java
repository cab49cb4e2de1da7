package io.fanzha.ledger.command.penalty;

import io.fanzha.ledger.command.recording.StreamIds;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record RevokePenalty(String penaltyId, String reason) {

  @TargetAggregateIdentifier
  public String streamId() {
    return StreamIds.penalty(penaltyId);
  }
}
