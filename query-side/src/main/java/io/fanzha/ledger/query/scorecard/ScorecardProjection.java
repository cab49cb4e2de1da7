package io.fanzha.ledger.query.scorecard;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import io.fanzha.ledger.events.CampaignLaunched;
import io.fanzha.ledger.events.PenaltyRevoked;
import io.fanzha.ledger.events.PublishEventHeld;
import io.fanzha.ledger.events.UnitCommended;
import io.fanzha.ledger.events.UnitPenalized;
import io.fanzha.ledger.events.UnitRegistered;
import io.fanzha.ledger.query.scorecard.rules.ScoreFact;
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
 * Keeps the facts that score a unit in a campaign. Every write is keyed by a deterministic id and
 * either replaces a document with the same content or adds a fact to a set, so a redelivered or
 * replayed event changes nothing.
 */
@Component
@ProcessingGroup(ScorecardProjection.GROUP)
public class ScorecardProjection {

  public static final String GROUP = "scorecards";
  private static final Logger log = LoggerFactory.getLogger(ScorecardProjection.class);

  private final MongoTemplate mongo;

  public ScorecardProjection(MongoTemplate mongo) {
    this.mongo = mongo;
  }

  @EventHandler
  void on(CampaignLaunched event, @MessageIdentifier String eventId, @Timestamp Instant at) {
    mongo.save(
        new ScoredCampaign(
            event.campaignId(),
            event.title(),
            event.jurisdictionUnitId(),
            event.communityIds(),
            event.rulebook(),
            event.startDate(),
            event.endDate(),
            eventId,
            at));
    log.info(
        "scorecards: campaign {} scores {} communities under rulebook {}",
        event.campaignId(),
        event.communityIds().size(),
        event.rulebook().version());
  }

  @EventHandler
  void on(UnitRegistered event) {
    mongo.save(new UnitName(event.unitId(), event.name(), event.kind()));
    log.debug("scorecards: unit {} named", event.unitId());
  }

  @EventHandler
  void on(UnitPenalized event, @MessageIdentifier String eventId, @Timestamp Instant at) {
    addFact(
        event.campaignId(),
        event.unitId(),
        ScoreFact.penalty(eventId, at, event.penaltyId(), event.points()));
    log.info(
        "scorecards: penalty {} of {} points on {} in {}",
        event.penaltyId(),
        event.points(),
        event.unitId(),
        event.campaignId());
  }

  @EventHandler
  void on(PenaltyRevoked event, @MessageIdentifier String eventId, @Timestamp Instant at) {
    addFact(
        event.campaignId(), event.unitId(), ScoreFact.revocation(eventId, at, event.penaltyId()));
    log.info("scorecards: penalty {} on {} revoked", event.penaltyId(), event.unitId());
  }

  @EventHandler
  void on(UnitCommended event, @MessageIdentifier String eventId, @Timestamp Instant at) {
    addFact(
        event.campaignId(),
        event.unitId(),
        ScoreFact.commendation(eventId, at, event.commendationId(), event.points()));
    log.info(
        "scorecards: commendation {} of {} points for {} in {}",
        event.commendationId(),
        event.points(),
        event.unitId(),
        event.campaignId());
  }

  @EventHandler
  void on(PublishEventHeld event, @MessageIdentifier String eventId, @Timestamp Instant at) {
    addFact(
        event.campaignId(),
        event.unitId(),
        ScoreFact.publicityEvent(eventId, at, event.publishEventId(), event.heldOn()));
    log.debug("scorecards: publicity event {} of {}", event.publishEventId(), event.unitId());
  }

  @ResetHandler
  void clear() {
    mongo.remove(new Query(), ScoredCampaign.class);
    mongo.remove(new Query(), UnitName.class);
    mongo.remove(new Query(), UnitFacts.class);
    log.info("scorecards: read model cleared for a replay");
  }

  private void addFact(String campaignId, String unitId, ScoreFact fact) {
    mongo.upsert(
        query(where("_id").is(UnitFacts.idOf(campaignId, unitId))),
        new Update()
            .setOnInsert("campaignId", campaignId)
            .setOnInsert("unitId", unitId)
            .addToSet("facts", fact),
        UnitFacts.class);
  }
}
