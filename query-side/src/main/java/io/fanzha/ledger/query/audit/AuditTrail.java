package io.fanzha.ledger.query.audit;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

/** Pages through the audit trail in log order. */
@Service
public class AuditTrail {

  private final MongoTemplate mongo;

  public AuditTrail(MongoTemplate mongo) {
    this.mongo = mongo;
  }

  AuditPage page(AuditFilter filter, int page, int size) {
    Query query = new Query();
    if (filter.unitId() != null) {
      query.addCriteria(where("unitIds").is(filter.unitId()));
    }
    if (filter.aggregateId() != null) {
      query.addCriteria(where("aggregateId").is(filter.aggregateId()));
    }
    if (filter.type() != null) {
      query.addCriteria(where("type").is(filter.type()));
    }
    if (filter.actor() != null) {
      query.addCriteria(where("actor").is(filter.actor()));
    }
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
    long total = mongo.count(query, AuditEntry.class);
    query.with(Sort.by(Sort.Direction.ASC, "position")).skip((long) page * size).limit(size);
    return new AuditPage(
        mongo.find(query, AuditEntry.class).stream().map(AuditItem::of).toList(),
        page,
        size,
        total);
  }
}
