package io.fanzha.ledger.query.lead;

import io.fanzha.ledger.events.FraudCategory;
import io.fanzha.ledger.events.Suspect;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A reported lead, keyed by its id, without the reporter: what the police need and no more. {@code
 * eventId} is the FraudLeadReported event it came from; {@code outcomes} every outcome recorded
 * since, each once; {@code status} follows the outcome latest in the log, whose position is {@code
 * statusPosition}; {@code acknowledgedAt} and {@code escalatedAt} are when those were recorded
 * (each at most once); {@code identifiers} the suspect's normalised identifiers ({@link
 * SuspectIdentifiers.Identifier#key()}), by which {@link SuspectIdentifierEntry} links leads.
 */
@Document(FraudLeadEntry.COLLECTION)
public record FraudLeadEntry(
    @Id String leadId,
    String reportingUnitId,
    String campaignId,
    LocalDate discoveredOn,
    FraudCategory category,
    String summary,
    Suspect suspect,
    LeadStatus status,
    Instant reportedAt,
    String eventId,
    List<RecordedOutcome> outcomes,
    Long statusPosition,
    Instant acknowledgedAt,
    Instant escalatedAt,
    List<String> identifiers) {

  public static final String COLLECTION = "fraud_leads";

  public FraudLeadEntry {
    outcomes = outcomes == null ? List.of() : List.copyOf(outcomes);
    identifiers = identifiers == null ? List.of() : List.copyOf(identifiers);
  }
}
