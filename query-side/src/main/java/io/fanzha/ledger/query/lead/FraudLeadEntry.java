package io.fanzha.ledger.query.lead;

import io.fanzha.ledger.events.FraudCategory;
import io.fanzha.ledger.events.Suspect;
import java.time.Instant;
import java.time.LocalDate;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A reported lead, keyed by its id, without the reporter: what the police need and no more. {@code
 * eventId} is the FraudLeadReported event it came from.
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
    String eventId) {

  public static final String COLLECTION = "fraud_leads";
}
