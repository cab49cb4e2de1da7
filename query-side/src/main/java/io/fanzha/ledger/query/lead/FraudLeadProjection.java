package io.fanzha.ledger.query.lead;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import io.fanzha.ledger.events.FraudLeadReported;
import io.fanzha.ledger.events.LeadAcknowledged;
import io.fanzha.ledger.events.LeadEscalated;
import io.fanzha.ledger.events.LeadOutcomeRecorded;
import io.fanzha.ledger.query.CollectionNames;
import io.fanzha.ledger.query.EventPositions;
import io.fanzha.ledger.query.Generations;
import io.fanzha.ledger.query.ReadModel;
import io.fanzha.ledger.query.ReadModelWriter;
import java.time.Instant;
import java.util.List;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.annotation.MessageIdentifier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Records each reported lead once, and each outcome once. The status is REPORTED when the lead is
 * created ({@code $setOnInsert}) and then moves only to an outcome later in the log than the one it
 * shows, so a redelivered or replayed event can never set back a status a later event has moved on.
 * The acknowledgement and the escalation are recorded at most once per lead and only set their own
 * instant, so they may arrive in any order, even before the report. Each suspect identifier gets an
 * index document listing the leads that name it ({@code $addToSet}), which links them both ways
 * without reading anything back.
 */
@Component
@ProcessingGroup(FraudLeadProjection.GROUP)
public class FraudLeadProjection implements ReadModel {

  public static final String GROUP = "fraud-leads";
  private static final Logger log = LoggerFactory.getLogger(FraudLeadProjection.class);

  private final MongoTemplate mongo;
  private final ReadModelWriter writes;
  private final EventPositions positions;

  @Autowired
  FraudLeadProjection(MongoTemplate mongo, Generations generations, EventPositions positions) {
    this(mongo, ReadModelWriter.direct(mongo, generations.live(GROUP)), positions.fresh());
  }

  public FraudLeadProjection(MongoTemplate mongo) {
    this(
        mongo,
        ReadModelWriter.direct(mongo, CollectionNames.ORIGINAL),
        EventPositions.fromTokensOnly());
  }

  private FraudLeadProjection(
      MongoTemplate mongo, ReadModelWriter writes, EventPositions positions) {
    this.mongo = mongo;
    this.writes = writes;
    this.positions = positions;
  }

  @Override
  public ReadModel projectionInto(ReadModelWriter target) {
    return new FraudLeadProjection(mongo, target, positions.fresh());
  }

  @Override
  public String processingGroup() {
    return GROUP;
  }

  @Override
  public List<String> collections() {
    return List.of(
        FraudLeadEntry.COLLECTION, SuspectIdentifierEntry.COLLECTION, LeadsNewestEvent.COLLECTION);
  }

  @EventHandler
  void on(FraudLeadReported event, @MessageIdentifier String eventId, @Timestamp Instant at) {
    // The reporter (name, phone) is deliberately not copied: see package-info.
    List<SuspectIdentifiers.Identifier> identifiers = SuspectIdentifiers.of(event.suspect());
    Update update =
        new Update()
            .set("reportingUnitId", event.reportingUnitId())
            .set("campaignId", event.campaignId())
            .set("discoveredOn", event.discoveredOn())
            .set("category", event.category())
            .set("summary", event.summary())
            .set("suspect", event.suspect())
            .set("reportedAt", at)
            .set("eventId", eventId)
            .set(
                "identifiers",
                identifiers.stream().map(SuspectIdentifiers.Identifier::key).toList())
            .setOnInsert("status", LeadStatus.REPORTED);
    writes.upsert(query(where("_id").is(event.leadId())), update, FraudLeadEntry.class);
    SuspectIdentifierEntry.NamedBy namedBy =
        new SuspectIdentifierEntry.NamedBy(event.leadId(), event.reportingUnitId());
    for (SuspectIdentifiers.Identifier identifier : identifiers) {
      writes.upsert(
          query(where("_id").is(identifier.key())),
          new Update()
              .setOnInsert("kind", identifier.kind())
              .setOnInsert("value", identifier.value())
              .addToSet("leads", namedBy),
          SuspectIdentifierEntry.class);
    }
    seen(at);
    log.debug(
        "fraud-leads: lead {} ({}) reported by unit {}",
        event.leadId(),
        event.category(),
        event.reportingUnitId());
  }

  @EventHandler
  void on(
      LeadOutcomeRecorded event,
      @MessageIdentifier String eventId,
      @Timestamp Instant at,
      TrackingToken token) {
    long position = positions.positionOf(eventId, token);
    writes.upsert(
        query(where("_id").is(event.leadId())),
        new Update()
            .addToSet(
                "outcomes",
                new RecordedOutcome(eventId, position, at, event.outcome(), event.note())),
        FraudLeadEntry.class);
    // Only an outcome later in the log than the one the status shows may replace it.
    writes.updateFirst(
        query(
            where("_id")
                .is(event.leadId())
                .orOperator(
                    where("statusPosition").exists(false), where("statusPosition").lt(position))),
        new Update().set("status", LeadStatus.of(event.outcome())).set("statusPosition", position),
        FraudLeadEntry.class);
    seen(at);
    log.debug("fraud-leads: lead {} is {}", event.leadId(), event.outcome());
  }

  @EventHandler
  void on(LeadAcknowledged event, @Timestamp Instant at) {
    writes.upsert(
        query(where("_id").is(event.leadId())),
        new Update().set("acknowledgedAt", at).setOnInsert("status", LeadStatus.REPORTED),
        FraudLeadEntry.class);
    seen(at);
    log.debug("fraud-leads: lead {} acknowledged", event.leadId());
  }

  @EventHandler
  void on(LeadEscalated event, @Timestamp Instant at) {
    writes.upsert(
        query(where("_id").is(event.leadId())),
        new Update().set("escalatedAt", at).setOnInsert("status", LeadStatus.REPORTED),
        FraudLeadEntry.class);
    seen(at);
    log.debug("fraud-leads: lead {} escalated", event.leadId());
  }

  /**
   * Every event moves the read model's newest instant on: under the simulation clock, leads age by
   * it.
   */
  @EventHandler
  void on(Object event, @Timestamp Instant at) {
    seen(at);
  }

  private void seen(Instant at) {
    writes.upsert(
        query(where("_id").is(LeadsNewestEvent.ID)),
        new Update().max("recordedAt", at),
        LeadsNewestEvent.class);
  }

  @ResetHandler
  void clear() {
    positions.reset();
    writes.removeAll(FraudLeadEntry.class);
    writes.removeAll(SuspectIdentifierEntry.class);
    writes.removeAll(LeadsNewestEvent.class);
    log.info("fraud-leads: read model cleared for a replay");
  }
}
