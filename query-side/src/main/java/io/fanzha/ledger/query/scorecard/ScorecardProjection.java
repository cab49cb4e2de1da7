package io.fanzha.ledger.query.scorecard;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import io.fanzha.ledger.events.CampaignLaunched;
import io.fanzha.ledger.events.CampaignMonthClosed;
import io.fanzha.ledger.events.EvidenceWindowClosed;
import io.fanzha.ledger.events.FraudCaseRecorded;
import io.fanzha.ledger.events.LeadOutcomeRecorded;
import io.fanzha.ledger.events.MonthlyReportSubmitted;
import io.fanzha.ledger.events.PenaltyRevoked;
import io.fanzha.ledger.events.PublishEventHeld;
import io.fanzha.ledger.events.RectificationOverdue;
import io.fanzha.ledger.events.ReportDeadlineMissed;
import io.fanzha.ledger.events.ScoringRulesAdopted;
import io.fanzha.ledger.events.UnitCommended;
import io.fanzha.ledger.events.UnitPenalized;
import io.fanzha.ledger.events.UnitRegistered;
import io.fanzha.ledger.events.YearEndReportSubmitted;
import io.fanzha.ledger.query.CollectionNames;
import io.fanzha.ledger.query.EventPositions;
import io.fanzha.ledger.query.Generations;
import io.fanzha.ledger.query.ReadModel;
import io.fanzha.ledger.query.ReadModelWriter;
import io.fanzha.ledger.query.scorecard.rules.FraudCase;
import io.fanzha.ledger.query.scorecard.rules.MonthClosure;
import io.fanzha.ledger.query.scorecard.rules.RulebookAdoption;
import io.fanzha.ledger.query.scorecard.rules.ScoreFact;
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
 * Keeps the facts that score a unit in a campaign. Every write is keyed by a deterministic id and
 * either sets fields to what the event says or adds a fact to a set, so a redelivered or replayed
 * event changes nothing. Every handler also raises {@link NewestEvent} to the event's timestamp.
 */
@Component
@ProcessingGroup(ScorecardProjection.GROUP)
public class ScorecardProjection implements ReadModel {

  public static final String GROUP = "scorecards";
  private static final Logger log = LoggerFactory.getLogger(ScorecardProjection.class);

  private final MongoTemplate mongo;
  private final ReadModelWriter writes;
  private final EventPositions positions;

  @Autowired
  ScorecardProjection(MongoTemplate mongo, Generations generations, EventPositions positions) {
    this(mongo, ReadModelWriter.direct(mongo, generations.live(GROUP)), positions.fresh());
  }

  public ScorecardProjection(MongoTemplate mongo) {
    this(
        mongo,
        ReadModelWriter.direct(mongo, CollectionNames.ORIGINAL),
        EventPositions.fromTokensOnly());
  }

  private ScorecardProjection(
      MongoTemplate mongo, ReadModelWriter writes, EventPositions positions) {
    this.mongo = mongo;
    this.writes = writes;
    this.positions = positions;
  }

  @Override
  public ReadModel projectionInto(ReadModelWriter target) {
    return new ScorecardProjection(mongo, target, positions.fresh());
  }

  @Override
  public String processingGroup() {
    return GROUP;
  }

  @Override
  public List<String> collections() {
    return List.of(
        ScoredCampaign.COLLECTION,
        ScoredUnit.COLLECTION,
        UnitFacts.COLLECTION,
        CommunityCases.COLLECTION,
        NewestEvent.COLLECTION);
  }

  /**
   * Sets the launch's fields rather than replacing the document, so that a redelivered launch keeps
   * the months closed and the rulebooks adopted since.
   */
  @EventHandler
  void on(CampaignLaunched event, @MessageIdentifier String eventId, @Timestamp Instant at) {
    writes.upsert(
        query(where("_id").is(event.campaignId())),
        new Update()
            .set("title", event.title())
            .set("jurisdictionUnitId", event.jurisdictionUnitId())
            .set("communityIds", event.communityIds())
            .set("rulebook", event.rulebook())
            .set("startDate", event.startDate())
            .set("endDate", event.endDate())
            .set("launchEventId", eventId)
            .set("launchedAt", at),
        ScoredCampaign.class);
    seen(at);
    log.debug(
        "scorecards: campaign {} scores {} communities under rulebook {}",
        event.campaignId(),
        event.communityIds().size(),
        event.rulebook().version());
  }

  @EventHandler
  void on(
      ScoringRulesAdopted event,
      @MessageIdentifier String eventId,
      @Timestamp Instant at,
      TrackingToken token) {
    writes.upsert(
        query(where("_id").is(event.campaignId())),
        new Update()
            .addToSet(
                "adoptions",
                new RulebookAdoption(
                    event.rulebook(),
                    event.effectiveFrom(),
                    eventId,
                    positions.positionOf(eventId, token),
                    at)),
        ScoredCampaign.class);
    seen(at);
    log.debug(
        "scorecards: campaign {} scores by rulebook {} from {}",
        event.campaignId(),
        event.rulebook().version(),
        event.effectiveFrom());
  }

  @EventHandler
  void on(
      CampaignMonthClosed event,
      @MessageIdentifier String eventId,
      @Timestamp Instant at,
      TrackingToken token) {
    writes.upsert(
        query(where("_id").is(event.campaignId())),
        new Update()
            .addToSet(
                "monthsClosed",
                new MonthClosure(event.month(), eventId, positions.positionOf(eventId, token), at)),
        ScoredCampaign.class);
    seen(at);
    log.debug("scorecards: campaign {} closed month {}", event.campaignId(), event.month());
  }

  @EventHandler
  void on(UnitRegistered event, @Timestamp Instant at) {
    writes.save(new ScoredUnit(event.unitId(), event.name(), event.kind(), event.population()));
    seen(at);
    log.debug("scorecards: unit {} registered", event.unitId());
  }

  @EventHandler
  void on(
      UnitPenalized event,
      @MessageIdentifier String eventId,
      @Timestamp Instant at,
      TrackingToken token) {
    addFact(
        event.campaignId(),
        event.unitId(),
        ScoreFact.penalty(
            eventId, positions.positionOf(eventId, token), at, event.penaltyId(), event.points()),
        at);
    log.debug(
        "scorecards: penalty {} of {} points on {} in {}",
        event.penaltyId(),
        event.points(),
        event.unitId(),
        event.campaignId());
  }

  @EventHandler
  void on(
      PenaltyRevoked event,
      @MessageIdentifier String eventId,
      @Timestamp Instant at,
      TrackingToken token) {
    addFact(
        event.campaignId(),
        event.unitId(),
        ScoreFact.revocation(eventId, positions.positionOf(eventId, token), at, event.penaltyId()),
        at);
    log.debug("scorecards: penalty {} on {} revoked", event.penaltyId(), event.unitId());
  }

  @EventHandler
  void on(
      UnitCommended event,
      @MessageIdentifier String eventId,
      @Timestamp Instant at,
      TrackingToken token) {
    addFact(
        event.campaignId(),
        event.unitId(),
        ScoreFact.commendation(
            eventId,
            positions.positionOf(eventId, token),
            at,
            event.commendationId(),
            event.points()),
        at);
    log.debug(
        "scorecards: commendation {} of {} points for {} in {}",
        event.commendationId(),
        event.points(),
        event.unitId(),
        event.campaignId());
  }

  @EventHandler
  void on(
      PublishEventHeld event,
      @MessageIdentifier String eventId,
      @Timestamp Instant at,
      TrackingToken token) {
    addFact(
        event.campaignId(),
        event.unitId(),
        ScoreFact.publicityEvent(
            eventId,
            positions.positionOf(eventId, token),
            at,
            event.publishEventId(),
            event.heldOn()),
        at);
    log.debug("scorecards: publicity event {} of {}", event.publishEventId(), event.unitId());
  }

  @EventHandler
  void on(
      EvidenceWindowClosed event,
      @MessageIdentifier String eventId,
      @Timestamp Instant at,
      TrackingToken token) {
    addFact(
        event.campaignId(),
        event.unitId(),
        ScoreFact.evidenceWindowClosed(
            eventId,
            positions.positionOf(eventId, token),
            at,
            event.publishEventId(),
            event.heldOn(),
            event.evidenceCount()),
        at);
    log.debug(
        "scorecards: evidence window of {} closed with {} items",
        event.publishEventId(),
        event.evidenceCount());
  }

  @EventHandler
  void on(
      MonthlyReportSubmitted event,
      @MessageIdentifier String eventId,
      @Timestamp Instant at,
      TrackingToken token) {
    addFact(
        event.campaignId(),
        event.unitId(),
        ScoreFact.monthlyReport(
            eventId,
            positions.positionOf(eventId, token),
            at,
            event.reportId(),
            event.month(),
            event.late()),
        at);
    log.debug(
        "scorecards: {} report of {} for {}{}",
        event.campaignId(),
        event.unitId(),
        event.month(),
        event.late() ? ", late" : "");
  }

  @EventHandler
  void on(
      YearEndReportSubmitted event,
      @MessageIdentifier String eventId,
      @Timestamp Instant at,
      TrackingToken token) {
    addFact(
        event.campaignId(),
        event.unitId(),
        ScoreFact.yearEndReport(
            eventId, positions.positionOf(eventId, token), at, event.reportId(), event.late()),
        at);
    log.debug("scorecards: {} year-end report of {}", event.campaignId(), event.unitId());
  }

  @EventHandler
  void on(
      ReportDeadlineMissed event,
      @MessageIdentifier String eventId,
      @Timestamp Instant at,
      TrackingToken token) {
    addFact(
        event.campaignId(),
        event.unitId(),
        ScoreFact.deadlineMissed(
            eventId,
            positions.positionOf(eventId, token),
            at,
            event.reportId(),
            event.kind(),
            event.month()),
        at);
    log.debug(
        "scorecards: {} {} report of {} missed its deadline {}",
        event.campaignId(),
        event.kind(),
        event.unitId(),
        event.dueDate());
  }

  @EventHandler
  void on(
      RectificationOverdue event,
      @MessageIdentifier String eventId,
      @Timestamp Instant at,
      TrackingToken token) {
    addFact(
        event.campaignId(),
        event.unitId(),
        ScoreFact.rectificationOverdue(
            eventId, positions.positionOf(eventId, token), at, event.rectificationId()),
        at);
    log.debug(
        "scorecards: rectification {} of {} overdue", event.rectificationId(), event.unitId());
  }

  /** A lead reported without a campaign scores in no campaign: its outcome is not kept here. */
  @EventHandler
  void on(
      LeadOutcomeRecorded event,
      @MessageIdentifier String eventId,
      @Timestamp Instant at,
      TrackingToken token) {
    if (event.campaignId() == null) {
      seen(at);
      return;
    }
    addFact(
        event.campaignId(),
        event.reportingUnitId(),
        ScoreFact.leadOutcome(
            eventId, positions.positionOf(eventId, token), at, event.leadId(), event.outcome()),
        at);
    log.debug(
        "scorecards: lead {} of {} is {}",
        event.leadId(),
        event.reportingUnitId(),
        event.outcome());
  }

  @EventHandler
  void on(
      FraudCaseRecorded event,
      @MessageIdentifier String eventId,
      @Timestamp Instant at,
      TrackingToken token) {
    writes.upsert(
        query(where("_id").is(event.communityId())),
        new Update()
            .addToSet(
                "cases",
                new FraudCase(
                    event.caseId(),
                    eventId,
                    positions.positionOf(eventId, token),
                    at,
                    event.occurredOn())),
        CommunityCases.class);
    seen(at);
    log.debug("scorecards: fraud case {} in {}", event.caseId(), event.communityId());
  }

  /** Every other event still moves the scorecards' day on. */
  @EventHandler
  void on(Object event, @Timestamp Instant at) {
    seen(at);
  }

  @ResetHandler
  void clear() {
    positions.reset();
    writes.removeAll(ScoredCampaign.class);
    writes.removeAll(ScoredUnit.class);
    writes.removeAll(UnitFacts.class);
    writes.removeAll(CommunityCases.class);
    writes.removeAll(NewestEvent.class);
    log.info("scorecards: read model cleared for a replay");
  }

  private void addFact(String campaignId, String unitId, ScoreFact fact, Instant at) {
    writes.upsert(
        query(where("_id").is(UnitFacts.idOf(campaignId, unitId))),
        new Update()
            .setOnInsert("campaignId", campaignId)
            .setOnInsert("unitId", unitId)
            .addToSet("facts", fact),
        UnitFacts.class);
    seen(at);
  }

  private void seen(Instant at) {
    writes.upsert(
        query(where("_id").is(NewestEvent.ID)),
        new Update().max("recordedAt", at),
        NewestEvent.class);
  }

  private static long position(TrackingToken token) {
    return token.position().orElseThrow();
  }
}
