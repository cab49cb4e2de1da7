package io.fanzha.ledger.command.rectification;

import io.fanzha.ledger.command.recording.StreamIds;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record CompleteRectification(String rectificationId, String note) {

  @TargetAggregateIdentifier
  public String streamId() {
    return StreamIds.rectification(rectificationId);
  }
}
