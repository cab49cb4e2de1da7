package io.fanzha.ledger.query.support;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.GenericTrackedDomainEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;

/**
 * Events as a processor delivers them: tracked, with an aggregate and metadata like the command
 * side's.
 */
public final class Events {

  private Events() {}

  /**
   * Metadata of a request by {@code actor} with {@code role}, bound to {@code unitId} (may be
   * null).
   */
  public static Map<String, String> by(String actor, String role, String unitId) {
    Map<String, String> meta = new LinkedHashMap<>();
    meta.put("actor", actor);
    meta.put("role", role);
    if (unitId != null) {
      meta.put("unitId", unitId);
    }
    meta.put("requestId", "req-" + actor);
    meta.put("clientAddress", "127.0.0.1");
    return meta;
  }

  public static <T> TrackedEventMessage<T> tracked(
      long position,
      String aggregateType,
      String aggregateId,
      long sequence,
      T payload,
      Instant at,
      Map<String, String> meta) {
    return tracked(
        position,
        UUID.randomUUID().toString(),
        aggregateType,
        aggregateId,
        sequence,
        payload,
        at,
        meta);
  }

  public static <T> TrackedEventMessage<T> tracked(
      long position,
      String eventId,
      String aggregateType,
      String aggregateId,
      long sequence,
      T payload,
      Instant at,
      Map<String, String> meta) {
    return new GenericTrackedDomainEventMessage<>(
        GapAwareTrackingToken.newInstance(position, java.util.List.of()),
        new GenericDomainEventMessage<>(
            aggregateType, aggregateId, sequence, payload, meta, eventId, at));
  }
}
