package io.fanzha.ledger.command.penalty;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import io.fanzha.ledger.command.recording.AlreadyDone;
import io.fanzha.ledger.command.recording.Creates;
import io.fanzha.ledger.command.recording.References;
import io.fanzha.ledger.command.recording.StreamIds;
import io.fanzha.ledger.events.CampaignLaunched;
import io.fanzha.ledger.events.PenaltyRevoked;
import io.fanzha.ledger.events.UnitPenalized;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

@Aggregate
public class Penalty {

  @AggregateIdentifier private String streamId;
  private UnitPenalized penalized;
  private PenaltyRevoked revoked;

  protected Penalty() {}

  @CommandHandler
  @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
  void handle(PenalizeUnit command, References references) {
    UnitPenalized event =
        new UnitPenalized(
            command.penaltyId(),
            command.campaignId(),
            command.unitId(),
            command.points(),
            command.reasonCode(),
            command.description(),
            command.basisEventIds());
    if (Creates.alreadyRecorded(penalized, event, "penalty", command.penaltyId())) {
      return;
    }
    CampaignLaunched campaign = references.requireCampaign("campaignId", command.campaignId());
    references.requireParticipant("unitId", campaign, command.unitId());
    references.requireEvents("basisEventIds", event.basisEventIds());
    apply(event);
  }

  @CommandHandler
  void handle(RevokePenalty command) {
    if (revoked != null) {
      if (!revoked.reason().equals(command.reason())) {
        throw new AlreadyDone("Penalty " + penalized.penaltyId() + " is already revoked.");
      }
      return;
    }
    apply(
        new PenaltyRevoked(
            penalized.penaltyId(), penalized.campaignId(), penalized.unitId(), command.reason()));
  }

  @EventSourcingHandler
  void on(UnitPenalized event) {
    this.streamId = StreamIds.penalty(event.penaltyId());
    this.penalized = event;
  }

  @EventSourcingHandler
  void on(PenaltyRevoked event) {
    this.revoked = event;
  }
}
