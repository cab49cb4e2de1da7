package io.fanzha.ledger.query.lead;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.util.List;
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

  public FraudLeads(MongoTemplate mongo) {
    this.mongo = mongo;
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
    return mongo.find(query, FraudLeadEntry.class).stream().map(FraudLead::of).toList();
  }
}
