package io.fanzha.ledger.query.dashboard;

import io.fanzha.ledger.events.EvidenceSubmitted;
import io.fanzha.ledger.events.FraudCaseRecorded;
import io.fanzha.ledger.events.PublishEventHeld;
import io.fanzha.ledger.query.CollectionNames;
import io.fanzha.ledger.query.Generations;
import io.fanzha.ledger.query.ReadModel;
import io.fanzha.ledger.query.ReadModelWriter;
import java.time.Instant;
import java.util.List;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.messaging.annotation.MessageIdentifier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * Keeps what the dashboard shows beyond the scorecards and the lead list: the target groups of each
 * publicity event, the evidence attached to it and the loss of each fraud case. Every document is
 * stored whole under the id of the fact it records, so a redelivered or replayed event changes
 * nothing.
 */
@Component
@ProcessingGroup(DashboardProjection.GROUP)
public class DashboardProjection implements ReadModel {

  public static final String GROUP = "dashboard";
  private static final Logger log = LoggerFactory.getLogger(DashboardProjection.class);

  private final ReadModelWriter writes;

  @Autowired
  DashboardProjection(MongoTemplate mongo, Generations generations) {
    this(ReadModelWriter.direct(mongo, generations.live(GROUP)));
  }

  public DashboardProjection(MongoTemplate mongo) {
    this(ReadModelWriter.direct(mongo, CollectionNames.ORIGINAL));
  }

  private DashboardProjection(ReadModelWriter writes) {
    this.writes = writes;
  }

  @Override
  public ReadModel projectionInto(ReadModelWriter target) {
    return new DashboardProjection(target);
  }

  @Override
  public String processingGroup() {
    return GROUP;
  }

  @Override
  public List<String> collections() {
    return List.of(PublicityRecord.COLLECTION, EvidenceRecord.COLLECTION, CaseRecord.COLLECTION);
  }

  @EventHandler
  void on(PublishEventHeld event, @MessageIdentifier String eventId, @Timestamp Instant at) {
    writes.save(
        new PublicityRecord(
            event.publishEventId(),
            event.campaignId(),
            event.unitId(),
            event.heldOn(),
            event.targetGroups(),
            event.location() == null ? null : event.location().name(),
            event.audienceCount(),
            eventId,
            at));
    log.debug("dashboard: publicity event {} of {}", event.publishEventId(), event.unitId());
  }

  @EventHandler
  void on(EvidenceSubmitted event, @MessageIdentifier String eventId, @Timestamp Instant at) {
    writes.save(
        new EvidenceRecord(
            event.evidenceId(),
            event.publishEventId(),
            event.campaignId(),
            event.unitId(),
            event.kind(),
            event.mediaType(),
            event.storageRef(),
            eventId,
            at));
    log.debug("dashboard: evidence {} of {}", event.evidenceId(), event.publishEventId());
  }

  @EventHandler
  void on(FraudCaseRecorded event, @MessageIdentifier String eventId, @Timestamp Instant at) {
    writes.save(
        new CaseRecord(
            event.caseId(),
            event.communityId(),
            event.occurredOn(),
            event.lossYuan(),
            eventId,
            at));
    log.debug("dashboard: case {} in {}", event.caseId(), event.communityId());
  }

  @ResetHandler
  void clear() {
    writes.removeAll(PublicityRecord.class);
    writes.removeAll(EvidenceRecord.class);
    writes.removeAll(CaseRecord.class);
    log.info("dashboard: read model cleared for a replay");
  }
}
