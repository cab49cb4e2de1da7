package io.fanzha.ledger.query.lead;

import io.fanzha.ledger.events.FraudCategory;
import io.fanzha.ledger.events.LeadOutcome;
import io.fanzha.ledger.events.Suspect;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;

/**
 * A lead as the API answers it, with the outcomes the police recorded, oldest first; its {@code
 * state} (finer than {@code status}, which keeps its meaning), when it was acknowledged and
 * escalated, its {@code age} since it was reported (ISO-8601, and in whole hours), and the leads
 * that share a suspect identifier with it.
 */
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
    List<Outcome> outcomes,
    LeadState state,
    Instant acknowledgedAt,
    Instant escalatedAt,
    String age,
    Long ageHours,
    List<String> linkedLeadIds,
    List<Link> links) {

  /** One outcome and when it was recorded. */
  public record Outcome(LeadOutcome outcome, String note, Instant recordedAt) {}

  /** Another lead and the normalised identifiers both name. */
  public record Link(String leadId, List<SuspectIdentifiers.Identifier> shared) {}

  static FraudLead of(FraudLeadEntry entry, Instant now, List<Link> links) {
    Duration age =
        entry.reportedAt() == null || now == null
            ? null
            : Duration.between(entry.reportedAt(), now).isNegative()
                ? Duration.ZERO
                : Duration.between(entry.reportedAt(), now);
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
            .toList(),
        LeadState.of(entry.status(), entry.acknowledgedAt() != null, entry.escalatedAt() != null),
        entry.acknowledgedAt(),
        entry.escalatedAt(),
        age == null ? null : age.toString(),
        age == null ? null : age.toHours(),
        links.stream().map(Link::leadId).toList(),
        links);
  }
}
