package io.fanzha.ledger.command.rectification;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import io.fanzha.ledger.command.recording.Actor;
import io.fanzha.ledger.command.recording.AlreadyDone;
import io.fanzha.ledger.command.recording.Creates;
import io.fanzha.ledger.command.recording.References;
import io.fanzha.ledger.command.recording.RuleBroken;
import io.fanzha.ledger.command.recording.StreamIds;
import io.fanzha.ledger.command.time.DueInstants;
import io.fanzha.ledger.events.CampaignLaunched;
import io.fanzha.ledger.events.RectificationCompleted;
import io.fanzha.ledger.events.RectificationOrdered;
import io.fanzha.ledger.events.RectificationOverdue;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * A rectification the street office ordered. Completed by the end of its due day it is done;
 * otherwise the sweep records it overdue, and a completion after that is still recorded.
 */
@Aggregate
public class Rectification {

  @AggregateIdentifier private String streamId;
  private RectificationOrdered ordered;
  private RectificationCompleted completed;
  private Instant completedAt;
  private boolean overdue;

  protected Rectification() {}

  @CommandHandler
  @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
  void handle(OrderRectification command, References references, Clock clock) {
    RectificationOrdered event =
        new RectificationOrdered(
            command.rectificationId(),
            command.campaignId(),
            command.unitId(),
            command.inspectionId(),
            command.requirement(),
            command.dueDate());
    if (Creates.alreadyRecorded(ordered, event, "rectification", command.rectificationId())) {
      return;
    }
    CampaignLaunched campaign = references.requireCampaign("campaignId", command.campaignId());
    references.requireParticipant("unitId", campaign, command.unitId());
    if (command.inspectionId() != null) {
      references.requireInspection("inspectionId", command.inspectionId());
    }
    if (command.dueDate().isBefore(DueInstants.today(clock.instant()))) {
      throw new RuleBroken("dueDate", "A rectification cannot be due in the past.");
    }
    apply(event);
  }

  @CommandHandler
  void handle(CompleteRectification command, Actor actor) {
    actor.mustBeBoundTo(ordered.unitId());
    if (completed != null) {
      if (!Objects.equals(completed.note(), command.note())) {
        throw new AlreadyDone("Rectification " + ordered.rectificationId() + " is already done.");
      }
      return;
    }
    apply(
        new RectificationCompleted(
            ordered.rectificationId(), ordered.campaignId(), ordered.unitId(), command.note()));
  }

  @CommandHandler
  void handle(MarkRectificationOverdue command) {
    if (overdue) {
      return;
    }
    if (completed != null && completedAt.isBefore(DueInstants.endOf(ordered.dueDate()))) {
      return;
    }
    apply(
        new RectificationOverdue(
            ordered.rectificationId(), ordered.campaignId(), ordered.unitId(), ordered.dueDate()));
  }

  @EventSourcingHandler
  void on(RectificationOrdered event) {
    this.streamId = StreamIds.rectification(event.rectificationId());
    this.ordered = event;
  }

  @EventSourcingHandler
  void on(RectificationCompleted event, @Timestamp Instant at) {
    this.completed = event;
    this.completedAt = at;
  }

  @EventSourcingHandler
  void on(RectificationOverdue event) {
    this.overdue = true;
  }
}
