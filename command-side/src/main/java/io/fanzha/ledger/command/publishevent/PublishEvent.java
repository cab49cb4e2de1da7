package io.fanzha.ledger.command.publishevent;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import io.fanzha.ledger.command.recording.Actor;
import io.fanzha.ledger.command.recording.Creates;
import io.fanzha.ledger.command.recording.References;
import io.fanzha.ledger.command.recording.RuleBroken;
import io.fanzha.ledger.command.recording.StreamIds;
import io.fanzha.ledger.events.CampaignLaunched;
import io.fanzha.ledger.events.EvidenceSubmitted;
import io.fanzha.ledger.events.EvidenceWindowClosed;
import io.fanzha.ledger.events.PublishEventHeld;
import io.fanzha.ledger.events.UnitKind;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

@Aggregate
public class PublishEvent {

  static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

  @AggregateIdentifier private String streamId;
  private PublishEventHeld held;
  private final Set<String> evidenceIds = new HashSet<>();
  private final List<Instant> evidenceTimes = new ArrayList<>();
  private boolean windowClosed;

  protected PublishEvent() {}

  @CommandHandler
  @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
  void handle(RecordPublishEvent command, Actor actor, References references, Clock clock) {
    actor.mustBeBoundTo(command.unitId());
    PublishEventHeld event =
        new PublishEventHeld(
            command.publishEventId(),
            command.campaignId(),
            command.unitId(),
            command.heldOn(),
            command.location(),
            command.formats(),
            command.targetGroups(),
            command.audienceCount(),
            command.materialsDistributed(),
            command.description(),
            command.cooperatingUnitIds());
    if (Creates.alreadyRecorded(held, event, "publicity event", command.publishEventId())) {
      return;
    }
    CampaignLaunched campaign = references.requireCampaign("campaignId", command.campaignId());
    // partner units record their own activities; a community must belong to the campaign
    if (references.requireUnit("unitId", command.unitId()).kind() == UnitKind.COMMUNITY) {
      references.requireParticipant("unitId", campaign, command.unitId());
    }
    for (int i = 0; i < event.cooperatingUnitIds().size(); i++) {
      String cooperating = event.cooperatingUnitIds().get(i);
      if (cooperating.equals(command.unitId())) {
        throw new RuleBroken(
            "cooperatingUnitIds[" + i + "]", "A unit does not cooperate with itself.");
      }
      references.requireUnit("cooperatingUnitIds[" + i + "]", cooperating);
    }
    if (command.heldOn().isAfter(LocalDate.now(clock.withZone(SHANGHAI)))) {
      throw new RuleBroken("heldOn", "A publicity event cannot be recorded before it is held.");
    }
    if (command.heldOn().isBefore(campaign.startDate())
        || command.heldOn().isAfter(campaign.endDate())) {
      throw new RuleBroken("heldOn", "The event was not held during the campaign.");
    }
    apply(event);
  }

  @CommandHandler
  String handle(SubmitEvidence command, Actor actor) {
    actor.mustBeBoundTo(held.unitId());
    String evidenceId = command.evidenceId();
    if (!evidenceIds.contains(evidenceId)) {
      apply(
          new EvidenceSubmitted(
              evidenceId,
              held.publishEventId(),
              held.campaignId(),
              held.unitId(),
              command.kind(),
              command.fileName(),
              command.sha256(),
              command.size(),
              command.mediaType(),
              command.storageRef()));
    }
    return evidenceId;
  }

  /** Counts the evidence that was in by now, which the sweep sets to the window's end. */
  @CommandHandler
  void handle(CloseEvidenceWindow command, Clock clock) {
    if (windowClosed) {
      return;
    }
    Instant end = clock.instant();
    int inTime = (int) evidenceTimes.stream().filter(at -> !at.isAfter(end)).count();
    apply(
        new EvidenceWindowClosed(
            held.publishEventId(), held.campaignId(), held.unitId(), held.heldOn(), inTime));
  }

  @EventSourcingHandler
  void on(EvidenceWindowClosed event) {
    this.windowClosed = true;
  }

  @EventSourcingHandler
  void on(PublishEventHeld event) {
    this.streamId = StreamIds.publishEvent(event.publishEventId());
    this.held = event;
  }

  @EventSourcingHandler
  void on(EvidenceSubmitted event, @Timestamp Instant at) {
    evidenceIds.add(event.evidenceId());
    evidenceTimes.add(at);
  }
}
