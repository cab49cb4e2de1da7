package io.fanzha.ledger.command.commendation;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import io.fanzha.ledger.command.recording.Creates;
import io.fanzha.ledger.command.recording.References;
import io.fanzha.ledger.command.recording.StreamIds;
import io.fanzha.ledger.events.CampaignLaunched;
import io.fanzha.ledger.events.UnitCommended;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

@Aggregate
public class Commendation {

  @AggregateIdentifier private String streamId;
  private UnitCommended commended;

  protected Commendation() {}

  @CommandHandler
  @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
  void handle(CommendUnit command, References references) {
    UnitCommended event =
        new UnitCommended(
            command.commendationId(),
            command.campaignId(),
            command.unitId(),
            command.points(),
            command.reason());
    if (Creates.alreadyRecorded(commended, event, "commendation", command.commendationId())) {
      return;
    }
    CampaignLaunched campaign = references.requireCampaign("campaignId", command.campaignId());
    references.requireParticipant("unitId", campaign, command.unitId());
    apply(event);
  }

  @EventSourcingHandler
  void on(UnitCommended event) {
    this.streamId = StreamIds.commendation(event.commendationId());
    this.commended = event;
  }
}
