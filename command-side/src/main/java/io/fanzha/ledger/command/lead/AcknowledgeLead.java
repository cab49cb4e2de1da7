package io.fanzha.ledger.command.lead;

import io.fanzha.ledger.command.recording.StreamIds;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The police hold the lead; answers whether this call was the one that acknowledged it. */
public record AcknowledgeLead(String leadId) {

  @TargetAggregateIdentifier
  public String streamId() {
    return StreamIds.lead(leadId);
  }
}
