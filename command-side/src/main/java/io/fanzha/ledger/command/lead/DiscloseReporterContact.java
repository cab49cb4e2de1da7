package io.fanzha.ledger.command.lead;

import io.fanzha.ledger.command.recording.StreamIds;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * The police ask for the reporter's contact; answers the {@code Reporter} and records the access.
 */
public record DiscloseReporterContact(String leadId) {

  @TargetAggregateIdentifier
  public String streamId() {
    return StreamIds.lead(leadId);
  }
}
