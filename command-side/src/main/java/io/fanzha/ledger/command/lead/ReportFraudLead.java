package io.fanzha.ledger.command.lead;

import io.fanzha.ledger.command.recording.StreamIds;
import io.fanzha.ledger.events.FraudCategory;
import io.fanzha.ledger.events.Reporter;
import io.fanzha.ledger.events.Suspect;
import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record ReportFraudLead(
    String leadId,
    String reportingUnitId,
    String campaignId,
    LocalDate discoveredOn,
    FraudCategory category,
    String summary,
    Suspect suspect,
    Reporter reporter) {

  @TargetAggregateIdentifier
  public String streamId() {
    return StreamIds.lead(leadId);
  }
}
