package io.fanzha.ledger.command.lead;

import io.fanzha.ledger.command.recording.StreamIds;
import io.fanzha.ledger.events.LeadOutcome;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record RecordLeadOutcome(String leadId, LeadOutcome outcome, String note) {

  @TargetAggregateIdentifier
  public String streamId() {
    return StreamIds.lead(leadId);
  }
}
