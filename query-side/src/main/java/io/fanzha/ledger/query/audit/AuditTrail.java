package io.fanzha.ledger.query.audit;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import io.fanzha.ledger.query.CollectionNames;
import io.fanzha.ledger.query.Generations;
import java.util.List;
import java.util.OptionalLong;
import java.util.stream.Stream;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

/** Reads the audit trail in log order: by page, after a cursor, one event, or all for export. */
@Service
public class AuditTrail {

  private final MongoTemplate mongo;
  private final CollectionNames names;

  @Autowired
  AuditTrail(MongoTemplate mongo, Generations generations) {
    this(mongo, generations.live(AuditProjection.GROUP));
  }

  /** Reading the collections' own names, as tests of the projection alone do. */
  public AuditTrail(MongoTemplate mongo) {
    this(mongo, CollectionNames.ORIGINAL);
  }

  private AuditTrail(MongoTemplate mongo, CollectionNames names) {
    this.mongo = mongo;
    this.names = names;
  }

  AuditPage page(AuditFilter filter, int page, int size) {
    Query query = matching(filter);
    long total = mongo.count(query, AuditEntry.class, names.of(AuditEntry.class));
    query.with(inLogOrder()).skip((long) page * size).limit(size);
    List<AuditEntry> entries = mongo.find(query, AuditEntry.class, names.of(AuditEntry.class));
    return new AuditPage(items(entries), page, size, total, lastPosition(entries));
  }

  /**
   * Up to {@code limit} matches past log position {@code after}, none past {@code settledThrough}
   * when it is known: every position up to it is written, so no later write can land behind a
   * cursor that has passed it.
   */
  AuditPage after(AuditFilter filter, long after, int limit, OptionalLong settledThrough) {
    long total = mongo.count(matching(filter), AuditEntry.class, names.of(AuditEntry.class));
    Criteria position = where("position").gt(after);
    if (settledThrough.isPresent()) {
      position = position.lte(settledThrough.getAsLong());
    }
    Query query = matching(filter).addCriteria(position).with(inLogOrder()).limit(limit);
    List<AuditEntry> entries = mongo.find(query, AuditEntry.class, names.of(AuditEntry.class));
    return new AuditPage(items(entries), null, limit, total, lastPosition(entries));
  }

  long count(AuditFilter filter, OptionalLong after) {
    Query query = matching(filter);
    after.ifPresent(a -> query.addCriteria(where("position").gt(a)));
    return mongo.count(query, AuditEntry.class, names.of(AuditEntry.class));
  }

  /** Every match in log order, read from a cursor; the caller closes the stream. */
  Stream<AuditEntry> stream(AuditFilter filter, OptionalLong after) {
    Query query = matching(filter);
    after.ifPresent(a -> query.addCriteria(where("position").gt(a)));
    return mongo.stream(query.with(inLogOrder()), AuditEntry.class, names.of(AuditEntry.class));
  }

  AuditEntry event(String eventId) {
    AuditEntry entry = mongo.findById(eventId, AuditEntry.class, names.of(AuditEntry.class));
    if (entry == null) {
      throw new NoSuchAuditEvent(eventId);
    }
    return entry;
  }

  private static Query matching(AuditFilter filter) {
    Query query = new Query();
    equal(query, "unitIds", filter.unitId());
    equal(query, "aggregateId", filter.aggregateId());
    equal(query, "type", filter.type());
    equal(query, "actor", filter.actor());
    equal(query, "role", filter.role());
    equal(query, "requestId", filter.requestId());
    if (filter.from() != null || filter.to() != null) {
      Criteria occurredAt = where("occurredAt");
      if (filter.from() != null) {
        occurredAt = occurredAt.gte(filter.from());
      }
      if (filter.to() != null) {
        occurredAt =
            filter.to().inclusive()
                ? occurredAt.lte(filter.to().at())
                : occurredAt.lt(filter.to().at());
      }
      query.addCriteria(occurredAt);
    }
    return query;
  }

  private static void equal(Query query, String field, String value) {
    if (value != null) {
      query.addCriteria(where(field).is(value));
    }
  }

  private static Sort inLogOrder() {
    return Sort.by(Sort.Direction.ASC, "position");
  }

  private static List<AuditItem> items(List<AuditEntry> entries) {
    return entries.stream().map(AuditItem::of).toList();
  }

  private static Long lastPosition(List<AuditEntry> entries) {
    return entries.isEmpty() ? null : entries.get(entries.size() - 1).position();
  }
}
