package io.fanzha.ledger.command.publishevent;

import io.fanzha.ledger.command.recording.StreamIds;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Sent by the deadline sweep at the end of the 7th day after the event's date. */
public record CloseEvidenceWindow(String publishEventId) {

  @TargetAggregateIdentifier
  public String streamId() {
    return StreamIds.publishEvent(publishEventId);
  }
}
