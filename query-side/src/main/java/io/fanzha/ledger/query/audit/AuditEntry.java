package io.fanzha.ledger.query.audit;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One recorded event. {@code position} is its place in the global log; {@code aggregateId} is the
 * resource id without the store's {@code type:} prefix; {@code actor, role, unitId, requestId,
 * clientAddress} come from the event's metadata (unitId: the actor's unit); {@code unitIds} holds
 * every unit the event is by or about, for the unit filter; {@code metadata} is all the event's
 * metadata as recorded.
 */
@Document(AuditEntry.COLLECTION)
public record AuditEntry(
    @Id String eventId,
    long position,
    String type,
    String aggregateId,
    String aggregateType,
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

  public static final String COLLECTION = "audit";
}
