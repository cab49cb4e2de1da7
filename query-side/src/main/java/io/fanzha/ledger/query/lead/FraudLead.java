package io.fanzha.ledger.query.lead;

import io.fanzha.ledger.events.FraudCategory;
import io.fanzha.ledger.events.Suspect;
import java.time.Instant;
import java.time.LocalDate;

/** A lead as the API answers it. */
public record FraudLead(
    String leadId,
    String reportingUnitId,
    String campaignId,
    LocalDate discoveredOn,
    FraudCategory category,
    String summary,
    Suspect suspect,
    LeadStatus status,
    Instant reportedAt) {

  static FraudLead of(FraudLeadEntry entry) {
    return new FraudLead(
        entry.leadId(),
        entry.reportingUnitId(),
        entry.campaignId(),
        entry.discoveredOn(),
        entry.category(),
        entry.summary(),
        entry.suspect(),
        entry.status(),
        entry.reportedAt());
  }
}
