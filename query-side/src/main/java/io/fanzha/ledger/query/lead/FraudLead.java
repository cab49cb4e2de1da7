package io.fanzha.ledger.query.lead;

import io.fanzha.ledger.events.FraudCategory;
import io.fanzha.ledger.events.LeadOutcome;
import io.fanzha.ledger.events.Suspect;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;

/** A lead as the API answers it, with the outcomes the police recorded, oldest first. */
public record FraudLead(
    String leadId,
    String reportingUnitId,
    String campaignId,
    LocalDate discoveredOn,
    FraudCategory category,
    String summary,
    Suspect suspect,
    LeadStatus status,
    Instant reportedAt,
    List<Outcome> outcomes) {

  /** One outcome and when it was recorded. */
  public record Outcome(LeadOutcome outcome, String note, Instant recordedAt) {}

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
        entry.reportedAt(),
        entry.outcomes().stream()
            .sorted(Comparator.comparingLong(RecordedOutcome::position))
            .map(o -> new Outcome(o.outcome(), o.note(), o.recordedAt()))
            .toList());
  }
}
