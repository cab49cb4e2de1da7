package io.fanzha.ledger.query.leadfeed;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fanzha.ledger.events.LeadOutcome;
import java.time.Instant;

/**
 * One entry of the pull feed: its sequence (the cursor), the message exactly as sent to the queue,
 * and where the lead stands.
 */
public record FeedEntry(
    long sequence,
    String leadId,
    JsonNode message,
    FeedState state,
    Delivery delivery,
    Instant acknowledgedAt,
    LeadOutcome outcome,
    Instant outcomeAt,
    boolean escalated,
    Instant escalatedAt) {

  /** The entry's way to the queue. */
  public record Delivery(
      DeliveryState state,
      int attempts,
      Instant deliveredAt,
      Instant nextAttemptAt,
      String lastFailure) {}

  static FeedEntry of(OutboxEntry entry, ObjectMapper json) {
    try {
      return new FeedEntry(
          entry.sequence(),
          entry.leadId(),
          json.readTree(entry.message()),
          entry.state(),
          new Delivery(
              entry.delivery(),
              entry.attempts(),
              entry.deliveredAt(),
              entry.nextAttemptAt(),
              entry.lastFailure()),
          entry.acknowledgedAt(),
          entry.outcome(),
          entry.outcomeAt(),
          entry.escalated(),
          entry.escalatedAt());
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("outbox entry " + entry.leadId() + " holds no JSON", e);
    }
  }
}
