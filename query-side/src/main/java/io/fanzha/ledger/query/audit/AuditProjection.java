package io.fanzha.ledger.query.audit;

import io.fanzha.ledger.query.CollectionNames;
import io.fanzha.ledger.query.EventPositions;
import io.fanzha.ledger.query.Generations;
import io.fanzha.ledger.query.ReadModel;
import io.fanzha.ledger.query.ReadModelWriter;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.UnknownSerializedType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.index.IndexOperations;
import org.springframework.stereotype.Component;

/**
 * Writes one audit document per event, replacing it whole by the event's id, so that a redelivered
 * or replayed event leaves the same document behind.
 */
@Component
@ProcessingGroup(AuditProjection.GROUP)
public class AuditProjection implements ReadModel {

  public static final String GROUP = "audit";
  private static final Logger log = LoggerFactory.getLogger(AuditProjection.class);

  private final MongoTemplate mongo;
  private final EventPositions positions;
  private final ReadModelWriter writes;
  private final Set<String> unknownTypesReported = ConcurrentHashMap.newKeySet();

  @Autowired
  AuditProjection(MongoTemplate mongo, EventPositions positions, Generations generations) {
    this(mongo, positions, ReadModelWriter.direct(mongo, generations.live(GROUP)));
  }

  /** Without an event table to ask: positions come from the tokens alone. */
  public AuditProjection(MongoTemplate mongo) {
    this(
        mongo,
        EventPositions.fromTokensOnly(),
        ReadModelWriter.direct(mongo, CollectionNames.ORIGINAL));
  }

  private AuditProjection(MongoTemplate mongo, EventPositions positions, ReadModelWriter writes) {
    this.mongo = mongo;
    this.positions = positions;
    this.writes = writes;
    ensureIndexes();
  }

  @Override
  public ReadModel projectionInto(ReadModelWriter target) {
    return new AuditProjection(mongo, positions.fresh(), target);
  }

  @Override
  public String processingGroup() {
    return GROUP;
  }

  @Override
  public List<String> collections() {
    return List.of(AuditEntry.COLLECTION);
  }

  @EventHandler
  void on(EventMessage<?> event, TrackingToken token) {
    Object payload = event.getPayload();
    String type;
    Map<String, Object> document;
    if (payload instanceof UnknownSerializedType unknown) {
      // A type this build does not know may hold personal data it cannot recognise: keep no body.
      String name = unknown.serializedType().getName();
      type = name.substring(name.lastIndexOf('.') + 1);
      document = null;
      if (unknownTypesReported.add(name)) {
        log.warn("audit: event type {} is unknown here; recorded without its payload", name);
      }
    } else {
      type = event.getPayloadType().getSimpleName();
      document = EventPayloads.toDocument(payload);
    }
    String aggregateId = null;
    String aggregateType = null;
    Long sequence = null;
    if (event instanceof DomainEventMessage<?> domain) {
      aggregateId = withoutTypePrefix(domain.getAggregateIdentifier());
      aggregateType = domain.getType();
      sequence = domain.getSequenceNumber();
    }
    MetaData meta = event.getMetaData();
    String actingUnit = text(meta, "unitId");
    writes.save(
        new AuditEntry(
            event.getIdentifier(),
            positions.positionOf(event.getIdentifier(), token),
            type,
            aggregateId,
            aggregateType,
            sequence,
            event.getTimestamp(),
            text(meta, "actor"),
            text(meta, "role"),
            actingUnit,
            text(meta, "requestId"),
            text(meta, "clientAddress"),
            EventPayloads.unitsOf(document, actingUnit),
            document,
            metadataOf(meta)));
    log.debug("audit: {} {} at position {}", type, event.getIdentifier(), token.position());
  }

  @ResetHandler
  void clear() {
    positions.reset();
    writes.removeAll(AuditEntry.class);
    log.info("audit: read model cleared for a replay");
  }

  /** The store keys aggregates as {@code type:id}; the API speaks of the resource's own id. */
  static String withoutTypePrefix(String aggregateIdentifier) {
    int colon = aggregateIdentifier.indexOf(':');
    return colon < 0 ? aggregateIdentifier : aggregateIdentifier.substring(colon + 1);
  }

  /** Every metadata entry in key order, values as text, so a rewrite stores the same document. */
  private static Map<String, Object> metadataOf(MetaData meta) {
    Map<String, Object> all = new TreeMap<>();
    meta.forEach((key, value) -> all.put(key, value == null ? null : value.toString()));
    return all;
  }

  private static String text(MetaData meta, String key) {
    Object value = meta.get(key);
    return value == null ? null : value.toString();
  }

  /**
   * The unique position index serves the log-order sort; the others serve the filters on a real
   * MongoDB (the embedded stand-in accepts and ignores non-unique indexes).
   */
  private void ensureIndexes() {
    IndexOperations indexes = mongo.indexOps(writes.names().of(AuditEntry.class), AuditEntry.class);
    indexes.createIndex(new Index("position", Sort.Direction.ASC).unique());
    for (String field :
        new String[] {
          "unitIds", "aggregateId", "type", "actor", "role", "requestId", "occurredAt"
        }) {
      indexes.createIndex(new Index(field, Sort.Direction.ASC));
    }
  }
}
