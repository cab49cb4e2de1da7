package io.fanzha.ledger.query.lead;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import io.fanzha.ledger.query.CollectionNames;
import io.fanzha.ledger.query.Generations;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

/**
 * Leads newest first, of every unit or of one, in one status or state or all, each with its age and
 * the leads it is linked to. Links are read from the identifier index when asked, so a lead
 * reported later shows on the earlier one without the earlier one being written again.
 */
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
   * @param reportingUnitId only this unit's leads, and links to them, or every unit's when null
   * @param status only leads in this status, or all when null
   */
  public List<FraudLead> find(String reportingUnitId, LeadStatus status) {
    return find(reportingUnitId, status, null, null);
  }

  /**
   * @param state only leads in this state, or all when null
   * @param now what ages are counted to (none when null)
   */
  public List<FraudLead> find(
      String reportingUnitId, LeadStatus status, LeadState state, Instant now) {
    Query query = new Query().with(NEWEST_FIRST);
    if (reportingUnitId != null) {
      query.addCriteria(where("reportingUnitId").is(reportingUnitId));
    }
    if (status != null) {
      query.addCriteria(where("status").is(status));
    }
    if (state != null) {
      query.addCriteria(inState(state));
    }
    List<FraudLeadEntry> found =
        mongo.find(query, FraudLeadEntry.class, names.of(FraudLeadEntry.class));
    return withLinks(found, reportingUnitId, now);
  }

  /** One lead; empty when none is recorded under the id. */
  public Optional<FraudLead> get(String leadId, String visibleUnitId, Instant now) {
    FraudLeadEntry entry =
        mongo.findById(leadId, FraudLeadEntry.class, names.of(FraudLeadEntry.class));
    if (entry == null || entry.reportedAt() == null) {
      return Optional.empty();
    }
    return Optional.of(withLinks(List.of(entry), visibleUnitId, now).get(0));
  }

  private static Criteria inState(LeadState state) {
    return switch (state) {
      case REPORTED ->
          new Criteria()
              .andOperator(
                  where("status").is(LeadStatus.REPORTED),
                  where("acknowledgedAt").is(null),
                  where("escalatedAt").is(null));
      case ACKNOWLEDGED ->
          new Criteria()
              .andOperator(
                  where("status").is(LeadStatus.REPORTED), where("acknowledgedAt").ne(null));
      case ESCALATED ->
          new Criteria()
              .andOperator(
                  where("status").is(LeadStatus.REPORTED),
                  where("acknowledgedAt").is(null),
                  where("escalatedAt").ne(null));
      default -> where("status").is(LeadStatus.valueOf(state.name()));
    };
  }

  private List<FraudLead> withLinks(
      List<FraudLeadEntry> entries, String visibleUnitId, Instant now) {
    Set<String> keys = new LinkedHashSet<>();
    entries.forEach(e -> keys.addAll(e.identifiers()));
    Map<String, SuspectIdentifierEntry> index = new HashMap<>();
    if (!keys.isEmpty()) {
      mongo
          .find(
              new Query(where("_id").in(keys)),
              SuspectIdentifierEntry.class,
              names.of(SuspectIdentifierEntry.class))
          .forEach(i -> index.put(i.id(), i));
    }
    List<FraudLead> leads = new ArrayList<>(entries.size());
    for (FraudLeadEntry entry : entries) {
      Map<String, List<SuspectIdentifiers.Identifier>> shared = new LinkedHashMap<>();
      for (String key : entry.identifiers()) {
        SuspectIdentifierEntry named = index.get(key);
        if (named == null) {
          continue;
        }
        for (SuspectIdentifierEntry.NamedBy other : named.leads()) {
          boolean visible = visibleUnitId == null || visibleUnitId.equals(other.reportingUnitId());
          if (!other.leadId().equals(entry.leadId()) && visible) {
            shared
                .computeIfAbsent(other.leadId(), id -> new ArrayList<>())
                .add(SuspectIdentifiers.Identifier.ofKey(key));
          }
        }
      }
      List<FraudLead.Link> links =
          shared.entrySet().stream()
              .sorted(Map.Entry.comparingByKey())
              .map(e -> new FraudLead.Link(e.getKey(), List.copyOf(e.getValue())))
              .toList();
      leads.add(FraudLead.of(entry, now, links));
    }
    return leads;
  }
}
