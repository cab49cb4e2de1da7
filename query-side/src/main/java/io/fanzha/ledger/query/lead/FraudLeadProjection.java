package io.fanzha.ledger.query.lead;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import io.fanzha.ledger.events.FraudLeadReported;
import java.time.Instant;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.messaging.annotation.MessageIdentifier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Records each reported lead once. The document is only ever created ({@code $setOnInsert}), so a
 * redelivered report cannot set back a status that later events have moved on.
 */
@Component
@ProcessingGroup(FraudLeadProjection.GROUP)
public class FraudLeadProjection {

  public static final String GROUP = "fraud-leads";
  private static final Logger log = LoggerFactory.getLogger(FraudLeadProjection.class);

  private final MongoTemplate mongo;

  public FraudLeadProjection(MongoTemplate mongo) {
    this.mongo = mongo;
  }

  @EventHandler
  void on(FraudLeadReported event, @MessageIdentifier String eventId, @Timestamp Instant at) {
    // The reporter (name, phone) is deliberately not copied: see package-info.
    Update update =
        new Update()
            .setOnInsert("reportingUnitId", event.reportingUnitId())
            .setOnInsert("campaignId", event.campaignId())
            .setOnInsert("discoveredOn", event.discoveredOn())
            .setOnInsert("category", event.category())
            .setOnInsert("summary", event.summary())
            .setOnInsert("suspect", event.suspect())
            .setOnInsert("status", LeadStatus.REPORTED)
            .setOnInsert("reportedAt", at)
            .setOnInsert("eventId", eventId);
    mongo.upsert(query(where("_id").is(event.leadId())), update, FraudLeadEntry.class);
    log.info(
        "fraud-leads: lead {} ({}) reported by unit {}",
        event.leadId(),
        event.category(),
        event.reportingUnitId());
  }

  @ResetHandler
  void clear() {
    mongo.remove(new Query(), FraudLeadEntry.class);
    log.info("fraud-leads: read model cleared for a replay");
  }
}
