package io.fanzha.ledger.query.audit;

import java.time.Instant;
import java.util.Map;

/** One event of the audit trail as the API answers it. */
public record AuditItem(
    String eventId,
    String type,
    String aggregateId,
    Long sequence,
    Instant occurredAt,
    String actor,
    String role,
    String unitId,
    String requestId,
    Map<String, Object> payload) {

  @SuppressWarnings("unchecked")
  static AuditItem of(AuditEntry entry) {
    return new AuditItem(
        entry.eventId(),
        entry.type(),
        entry.aggregateId(),
        entry.sequence(),
        entry.occurredAt(),
        entry.actor(),
        entry.role(),
        entry.unitId(),
        entry.requestId(),
        entry.payload() == null
            ? null
            : (Map<String, Object>) EventPayloads.readable(entry.payload()));
  }
}
