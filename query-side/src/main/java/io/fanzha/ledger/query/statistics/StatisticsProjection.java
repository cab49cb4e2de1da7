package io.fanzha.ledger.query.statistics;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import io.fanzha.ledger.events.CampaignLaunched;
import io.fanzha.ledger.events.FraudLeadReported;
import io.fanzha.ledger.events.MonthlyReportSubmitted;
import io.fanzha.ledger.events.PublishEventHeld;
import io.fanzha.ledger.events.UnitRegistered;
import io.fanzha.ledger.query.CollectionNames;
import io.fanzha.ledger.query.EventPositions;
import io.fanzha.ledger.query.Generations;
import io.fanzha.ledger.query.ReadModel;
import io.fanzha.ledger.query.ReadModelWriter;
import java.time.Instant;
import java.time.YearMonth;
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
 * Keeps what the monthly statistics table is tallied from. Campaigns and units are replaced whole
 * by their id; a unit's month gains entries with {@code $addToSet}; so a redelivered or replayed
 * event changes nothing and nothing is ever counted twice.
 */
@Component
@ProcessingGroup(StatisticsProjection.GROUP)
public class StatisticsProjection implements ReadModel {

  public static final String GROUP = "statistics";
  private static final Logger log = LoggerFactory.getLogger(StatisticsProjection.class);

  private final MongoTemplate mongo;
  private final ReadModelWriter writes;
  private final EventPositions positions;

  @Autowired
  StatisticsProjection(MongoTemplate mongo, Generations generations, EventPositions positions) {
    this(mongo, ReadModelWriter.direct(mongo, generations.live(GROUP)), positions.fresh());
  }

  public StatisticsProjection(MongoTemplate mongo) {
    this(
        mongo,
        ReadModelWriter.direct(mongo, CollectionNames.ORIGINAL),
        EventPositions.fromTokensOnly());
  }

  private StatisticsProjection(
      MongoTemplate mongo, ReadModelWriter writes, EventPositions positions) {
    this.mongo = mongo;
    this.writes = writes;
    this.positions = positions;
  }

  @Override
  public ReadModel projectionInto(ReadModelWriter target) {
    return new StatisticsProjection(mongo, target, positions.fresh());
  }

  @Override
  public String processingGroup() {
    return GROUP;
  }

  @Override
  public List<String> collections() {
    return List.of(StatisticsCampaign.COLLECTION, StatisticsUnit.COLLECTION, UnitMonth.COLLECTION);
  }

  @EventHandler
  void on(CampaignLaunched event) {
    writes.save(
        new StatisticsCampaign(
            event.campaignId(),
            event.title(),
            event.communityIds(),
            event.startDate(),
            event.endDate()));
    log.debug("statistics: campaign {}", event.campaignId());
  }

  @EventHandler
  void on(UnitRegistered event) {
    writes.save(new StatisticsUnit(event.unitId(), event.name()));
    log.debug("statistics: unit {}", event.unitId());
  }

  @EventHandler
  void on(PublishEventHeld event, @MessageIdentifier String eventId) {
    add(
        event.unitId(),
        YearMonth.from(event.heldOn()),
        "activities",
        new UnitMonth.Activity(
            event.publishEventId(),
            event.campaignId(),
            event.audienceCount(),
            event.materialsDistributed() == null ? 0 : event.materialsDistributed(),
            eventId));
    log.debug("statistics: publicity event {} of {}", event.publishEventId(), event.unitId());
  }

  @EventHandler
  void on(FraudLeadReported event, @MessageIdentifier String eventId) {
    add(
        event.reportingUnitId(),
        YearMonth.from(event.discoveredOn()),
        "leads",
        new UnitMonth.Lead(event.leadId(), event.campaignId(), eventId));
    log.debug("statistics: lead {} of {}", event.leadId(), event.reportingUnitId());
  }

  @EventHandler
  void on(
      MonthlyReportSubmitted event,
      @MessageIdentifier String eventId,
      @Timestamp Instant at,
      TrackingToken token) {
    add(
        event.unitId(),
        event.month(),
        "reports",
        new UnitMonth.Report(
            event.reportId(),
            event.campaignId(),
            event.statistics(),
            event.late(),
            eventId,
            positions.positionOf(eventId, token),
            at));
    log.debug("statistics: report of {} for {}", event.unitId(), event.month());
  }

  @ResetHandler
  void clear() {
    positions.reset();
    writes.removeAll(StatisticsCampaign.class);
    writes.removeAll(StatisticsUnit.class);
    writes.removeAll(UnitMonth.class);
    log.info("statistics: read model cleared for a replay");
  }

  private void add(String unitId, YearMonth month, String list, Object entry) {
    writes.upsert(
        query(where("_id").is(UnitMonth.idOf(unitId, month))),
        new Update()
            .setOnInsert("unitId", unitId)
            .setOnInsert("month", month)
            .addToSet(list, entry),
        UnitMonth.class);
  }
}
