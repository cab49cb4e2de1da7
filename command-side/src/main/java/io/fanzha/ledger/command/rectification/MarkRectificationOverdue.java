package io.fanzha.ledger.command.rectification;

import io.fanzha.ledger.command.recording.StreamIds;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Sent by the deadline sweep when the rectification's due day has ended. */
public record MarkRectificationOverdue(String rectificationId) {

  @TargetAggregateIdentifier
  public String streamId() {
    return StreamIds.rectification(rectificationId);
  }
}
