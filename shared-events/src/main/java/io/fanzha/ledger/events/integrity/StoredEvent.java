package io.fanzha.ledger.events.integrity;

import java.time.Instant;

/** One row of the event table exactly as stored. */
public record StoredEvent(
    long position,
    String eventId,
    String aggregateId,
    long sequence,
    String aggregateType,
    String timestamp,
    String payloadType,
    String payloadRevision,
    byte[] payload,
    byte[] metaData) {

  public Instant recordedAt() {
    return Instant.parse(timestamp);
  }
}
