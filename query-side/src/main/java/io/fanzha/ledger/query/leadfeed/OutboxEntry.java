package io.fanzha.ledger.query.leadfeed;

import io.fanzha.ledger.events.LeadOutcome;
import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One lead in the outbox. {@code message} is the JSON sent, written once when the lead was taken
 * in; {@code sequence} its place in the pull feed, also given once. The delivery fields are the
 * worker's ({@code leaseOwner}/{@code leaseUntil} while an instance is sending it); the rest follow
 * the police's answers in the log.
 */
@Document(OutboxEntry.COLLECTION)
public record OutboxEntry(
    @Id String leadId,
    long sequence,
    String message,
    FeedState state,
    DeliveryState delivery,
    int attempts,
    Instant lastAttemptAt,
    Instant nextAttemptAt,
    String lastFailure,
    Instant deliveredAt,
    String leaseOwner,
    Instant leaseUntil,
    Instant acknowledgedAt,
    LeadOutcome outcome,
    Instant outcomeAt,
    Long outcomePosition,
    boolean escalated,
    Instant escalatedAt) {

  public static final String COLLECTION = "police_lead_outbox";
}
