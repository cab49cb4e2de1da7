package io.fanzha.ledger.query.leadfeed;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.mongodb.client.result.UpdateResult;
import io.fanzha.ledger.events.FraudLeadReported;
import io.fanzha.ledger.events.LeadAcknowledged;
import io.fanzha.ledger.events.LeadEscalated;
import io.fanzha.ledger.events.LeadOutcomeRecorded;
import io.fanzha.ledger.events.PersonalDataErased;
import io.fanzha.ledger.events.UnitRegistered;
import io.fanzha.ledger.platform.pipl.PersonalDataKeys;
import io.fanzha.ledger.query.EventPositions;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
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
 * <p>Feed sequences are contiguous from 1: a lead takes the sequence after the highest one stored
 * (read once, then followed in memory), and a unique index refuses a number already taken (another
 * instance briefly holding the processor during a hand-over), upon which the highest is read again
 * and the lead takes the next. So no entry can ever appear below one a feed reader has already been
 * given.
 */
@Component
@ProcessingGroup(PoliceLeadOutbox.GROUP)
public class PoliceLeadOutbox {

  public static final String GROUP = "police-lead-outbox";
  private static final Logger log = LoggerFactory.getLogger(PoliceLeadOutbox.class);

  private static final ObjectMapper JSON = new ObjectMapper();

  private final MongoTemplate mongo;
  private final PersonalDataKeys personalData;
  private final boolean includeReporterContact;
  private final EventPositions positions;
  private final Map<String, String> unitNames = new ConcurrentHashMap<>();
  private Long lastSequence;

  @Autowired
  PoliceLeadOutbox(
      MongoTemplate mongo,
      PersonalDataKeys personalData,
      PoliceFeedProperties properties,
      EventPositions positions) {
    this(mongo, personalData, properties.includeReporterContact(), positions.fresh());
  }

  /** For tests of the outbox alone: positions from the tokens. */
  public PoliceLeadOutbox(MongoTemplate mongo, boolean includeReporterContact) {
    this(
        mongo,
        new PersonalDataKeys(mongo),
        includeReporterContact,
        EventPositions.fromTokensOnly());
  }

  private PoliceLeadOutbox(
      MongoTemplate mongo,
      PersonalDataKeys personalData,
      boolean includeReporterContact,
      EventPositions positions) {
    this.mongo = mongo;
    this.personalData = personalData;
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
    unitNames.put(event.unitId(), event.name());
  }

  /**
   * One upsert that inserts only what is missing: a lead already in the outbox (a replay, a
   * redelivery) matches and nothing changes, not even its message.
   */
  @EventHandler
  void on(FraudLeadReported event, @Timestamp Instant at) {
    String message =
        PoliceLeadMessage.of(event, at, unitName(event.reportingUnitId()), includeReporterContact)
            .toJson();
    // where the contact travels, note whose it is, so an erasure can take it out again
    String reporterSubject =
        includeReporterContact
                && event.reporter() != null
                && !PersonalDataKeys.ERASED.equals(event.reporter().phone())
            ? personalData.subjectOf(event.reporter().phone())
            : null;
    while (true) {
      long sequence = lastSequence() + 1;
      try {
        UpdateResult taken =
            mongo.upsert(
                query(where("_id").is(event.leadId())),
                new Update()
                    .setOnInsert("sequence", sequence)
                    .setOnInsert("message", message)
                    .setOnInsert("state", FeedState.PENDING)
                    .setOnInsert("delivery", DeliveryState.PENDING)
                    .setOnInsert("attempts", 0)
                    .setOnInsert("escalated", false)
                    .setOnInsert("reporterSubject", reporterSubject),
                OutboxEntry.COLLECTION);
        if (taken.getUpsertedId() != null) {
          lastSequence = sequence;
          log.debug(
              "police-lead-outbox: lead {} of unit {} pending as feed entry {}",
              event.leadId(),
              event.reportingUnitId(),
              sequence);
        }
        return;
      } catch (DuplicateKeyException taken) {
        // another instance took that number (a processor hand-over): read where the feed is
        lastSequence = null;
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

  /** An erased reporter's contact leaves every message that carried it, sent or still to send. */
  @EventHandler
  void on(PersonalDataErased event) throws JsonProcessingException {
    for (Document entry :
        mongo.find(
            query(where("reporterSubject").is(event.subjectId())),
            Document.class,
            OutboxEntry.COLLECTION)) {
      ObjectNode message = (ObjectNode) JSON.readTree(entry.getString("message"));
      if (message.get("reporter") instanceof ObjectNode reporter) {
        reporter.put("name", PersonalDataKeys.ERASED).put("phone", PersonalDataKeys.ERASED);
      }
      mongo.updateFirst(
          query(where("_id").is(entry.get("_id"))),
          new Update().set("message", JSON.writeValueAsString(message)),
          OutboxEntry.COLLECTION);
      log.info(
          "police-lead-outbox: an erased reporter's contact taken out of lead {}",
          entry.get("_id"));
    }
  }

  /** The highest sequence stored, read once and then followed here (one processor thread). */
  private long lastSequence() {
    if (lastSequence == null) {
      Query highest = new Query().with(Sort.by(Sort.Direction.DESC, "sequence")).limit(1);
      highest.fields().include("sequence");
      Document top = mongo.findOne(highest, Document.class, OutboxEntry.COLLECTION);
      lastSequence = top == null ? 0 : ((Number) top.get("sequence")).longValue();
    }
    return lastSequence;
  }

  private String unitName(String unitId) {
    String name = unitNames.get(unitId);
    if (name == null) {
      ReportingUnitName stored =
          mongo.findById(unitId, ReportingUnitName.class, ReportingUnitName.COLLECTION);
      if (stored != null) {
        name = stored.name();
        unitNames.put(unitId, name);
      }
    }
    return name;
  }
}
