package io.fanzha.ledger.command.lead;

import io.fanzha.ledger.command.recording.StreamIds;
import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Sent by the deadline sweep when the lead's acknowledgement window has ended. */
public record EscalateLead(String leadId, Instant acknowledgeBy) {

  @TargetAggregateIdentifier
  public String streamId() {
    return StreamIds.lead(leadId);
  }
}
