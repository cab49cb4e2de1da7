package io.fanzha.ledger.query.leadfeed;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import com.mongodb.client.result.UpdateResult;
import io.fanzha.ledger.events.FraudLeadReported;
import io.fanzha.ledger.events.LeadAcknowledged;
import io.fanzha.ledger.events.LeadEscalated;
import io.fanzha.ledger.events.LeadOutcomeRecorded;
import io.fanzha.ledger.events.UnitRegistered;
import io.fanzha.ledger.query.EventPositions;
import java.time.Instant;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.annotation.MessageIdentifier;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Takes every reported lead into the outbox once, and follows the police's answers. It is not a
 * {@code ReadModel}: the delivery state it keeps beside the events cannot be rebuilt from them, so
 * a rebuild never drops it, and a replay of its processor changes nothing (every write is an insert
 * of what is missing or a move forward).
 *
 * <p>Feed sequences are contiguous from 1: a lead takes the sequence after the highest one stored,
 * and a unique index refuses a number already taken (another instance briefly holding the processor
 * during a hand-over), upon which the lead takes the next. So no entry can ever appear below one a
 * feed reader has already been given.
 */
@Component
@ProcessingGroup(PoliceLeadOutbox.GROUP)
public class PoliceLeadOutbox {

  public static final String GROUP = "police-lead-outbox";
  static final String SEQUENCES = "police_lead_outbox_sequence";
  private static final String FEED = "feed";
  private static final Logger log = LoggerFactory.getLogger(PoliceLeadOutbox.class);

  private final MongoTemplate mongo;
  private final boolean includeReporterContact;
  private final EventPositions positions;

  @Autowired
  PoliceLeadOutbox(MongoTemplate mongo, PoliceFeedProperties properties, EventPositions positions) {
    this(mongo, properties.includeReporterContact(), positions.fresh());
  }

  /** For tests of the outbox alone: positions from the tokens. */
  public PoliceLeadOutbox(MongoTemplate mongo, boolean includeReporterContact) {
    this(mongo, includeReporterContact, EventPositions.fromTokensOnly());
  }

  private PoliceLeadOutbox(
      MongoTemplate mongo, boolean includeReporterContact, EventPositions positions) {
    this.mongo = mongo;
    this.includeReporterContact = includeReporterContact;
    this.positions = positions;
    mongo
        .indexOps(OutboxEntry.COLLECTION)
        .createIndex(new Index("sequence", Sort.Direction.ASC).unique());
  }

  @EventHandler
  void on(UnitRegistered event) {
    mongo.upsert(
        query(where("_id").is(event.unitId())),
        new Update().set("name", event.name()),
        ReportingUnitName.COLLECTION);
  }

  @EventHandler
  void on(FraudLeadReported event, @Timestamp Instant at) {
    Query lead = query(where("_id").is(event.leadId()));
    if (mongo.exists(lead, OutboxEntry.COLLECTION)) {
      return;
    }
    ReportingUnitName unit =
        mongo.findById(
            event.reportingUnitId(), ReportingUnitName.class, ReportingUnitName.COLLECTION);
    String message =
        PoliceLeadMessage.of(event, at, unit == null ? null : unit.name(), includeReporterContact)
            .toJson();
    while (true) {
      long sequence = lastSequence() + 1;
      try {
        UpdateResult taken =
            mongo.upsert(
                lead,
                new Update()
                    .setOnInsert("sequence", sequence)
                    .setOnInsert("message", message)
                    .setOnInsert("state", FeedState.PENDING)
                    .setOnInsert("delivery", DeliveryState.PENDING)
                    .setOnInsert("attempts", 0)
                    .setOnInsert("escalated", false),
                OutboxEntry.COLLECTION);
        if (taken.getUpsertedId() != null) {
          mongo.upsert(query(where("_id").is(FEED)), new Update().max("last", sequence), SEQUENCES);
          log.info(
              "police-lead-outbox: lead {} of unit {} pending as feed entry {}",
              event.leadId(),
              event.reportingUnitId(),
              sequence);
        }
        return;
      } catch (DuplicateKeyException taken) {
        resynchronise();
      }
    }
  }

  @EventHandler
  void on(LeadAcknowledged event, @Timestamp Instant at) {
    mongo.updateFirst(
        query(where("_id").is(event.leadId()).and("acknowledgedAt").exists(false)),
        new Update().set("acknowledgedAt", at),
        OutboxEntry.COLLECTION);
    mongo.updateFirst(
        query(
            where("_id")
                .is(event.leadId())
                .and("state")
                .in(FeedState.PENDING, FeedState.DELIVERED)),
        new Update().set("state", FeedState.ACKNOWLEDGED),
        OutboxEntry.COLLECTION);
    log.debug("police-lead-outbox: lead {} acknowledged", event.leadId());
  }

  @EventHandler
  void on(
      LeadOutcomeRecorded event,
      @MessageIdentifier String eventId,
      @Timestamp Instant at,
      TrackingToken token) {
    long position = positions.positionOf(eventId, token);
    // Only an outcome later in the log than the one kept may replace it.
    mongo.updateFirst(
        query(
            where("_id")
                .is(event.leadId())
                .orOperator(
                    where("outcomePosition").exists(false),
                    where("outcomePosition").is(null),
                    where("outcomePosition").lt(position))),
        new Update()
            .set("state", FeedState.OUTCOME)
            .set("outcome", event.outcome())
            .set("outcomeAt", at)
            .set("outcomePosition", position),
        OutboxEntry.COLLECTION);
    log.debug("police-lead-outbox: lead {} is {}", event.leadId(), event.outcome());
  }

  @EventHandler
  void on(LeadEscalated event, @Timestamp Instant at) {
    mongo.updateFirst(
        query(where("_id").is(event.leadId()).and("escalated").is(false)),
        new Update().set("escalated", true).set("escalatedAt", at),
        OutboxEntry.COLLECTION);
    log.debug("police-lead-outbox: lead {} escalated", event.leadId());
  }

  private long lastSequence() {
    Document counter = mongo.findById(FEED, Document.class, SEQUENCES);
    return counter == null ? 0 : ((Number) counter.get("last")).longValue();
  }

  /** The counter fell behind the entries (a write lost in between, or another instance). */
  private void resynchronise() {
    Query highest = new Query().with(Sort.by(Sort.Direction.DESC, "sequence")).limit(1);
    highest.fields().include("sequence");
    Document top = mongo.findOne(highest, Document.class, OutboxEntry.COLLECTION);
    long last = top == null ? 0 : ((Number) top.get("sequence")).longValue();
    mongo.upsert(query(where("_id").is(FEED)), new Update().max("last", last), SEQUENCES);
    log.info("police-lead-outbox: feed sequence resynchronised at {}", last);
  }
}
