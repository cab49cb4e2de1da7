package io.fanzha.ledger.query.audit;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** One event in full: its place in the log, its resource, who caused it, payload and metadata. */
public record AuditEventDetail(
    String eventId,
    long position,
    String type,
    String aggregateType,
    String aggregateId,
    Long sequence,
    Instant occurredAt,
    String actor,
    String role,
    String unitId,
    String requestId,
    String clientAddress,
    List<String> unitIds,
    Map<String, Object> payload,
    Map<String, Object> metadata) {

  @SuppressWarnings("unchecked")
  static AuditEventDetail of(AuditEntry entry) {
    return new AuditEventDetail(
        entry.eventId(),
        entry.position(),
        entry.type(),
        entry.aggregateType(),
        entry.aggregateId(),
        entry.sequence(),
        entry.occurredAt(),
        entry.actor(),
        entry.role(),
        entry.unitId(),
        entry.requestId(),
        entry.clientAddress(),
        entry.unitIds(),
        entry.payload() == null
            ? null
            : (Map<String, Object>) EventPayloads.readable(entry.payload()),
        entry.metadata() == null ? Map.of() : entry.metadata());
  }
}
