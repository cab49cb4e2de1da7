package io.fanzha.ledger.query.lead;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import io.fanzha.ledger.query.CollectionNames;
import io.fanzha.ledger.query.Generations;
import java.util.List;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

/** Leads newest first, of every unit or of one, in one status or all. */
@Service
public class FraudLeads {

  private static final Sort NEWEST_FIRST =
      Sort.by(Sort.Order.desc("reportedAt"), Sort.Order.desc("_id"));

  private final MongoTemplate mongo;
  private final CollectionNames names;

  @Autowired
  FraudLeads(MongoTemplate mongo, Generations generations) {
    this(mongo, generations.live(FraudLeadProjection.GROUP));
  }

  /** Reading the collections' own names, as tests of the projection alone do. */
  public FraudLeads(MongoTemplate mongo) {
    this(mongo, CollectionNames.ORIGINAL);
  }

  private FraudLeads(MongoTemplate mongo, CollectionNames names) {
    this.mongo = mongo;
    this.names = names;
  }

  /**
   * @param reportingUnitId only this unit's leads, or every unit's when null
   * @param status only leads in this status, or all when null
   */
  public List<FraudLead> find(String reportingUnitId, LeadStatus status) {
    Query query = new Query().with(NEWEST_FIRST);
    if (reportingUnitId != null) {
      query.addCriteria(where("reportingUnitId").is(reportingUnitId));
    }
    if (status != null) {
      query.addCriteria(where("status").is(status));
    }
    return mongo.find(query, FraudLeadEntry.class, names.of(FraudLeadEntry.class)).stream()
        .map(FraudLead::of)
        .toList();
  }
}
