package io.fanzha.ledger.command.inspection;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import io.fanzha.ledger.command.recording.Creates;
import io.fanzha.ledger.command.recording.References;
import io.fanzha.ledger.command.recording.RuleBroken;
import io.fanzha.ledger.command.recording.StreamIds;
import io.fanzha.ledger.command.time.DueInstants;
import io.fanzha.ledger.events.CampaignLaunched;
import io.fanzha.ledger.events.InspectionConducted;
import java.time.Clock;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

@Aggregate
public class Inspection {

  @AggregateIdentifier private String streamId;
  private InspectionConducted conducted;

  protected Inspection() {}

  @CommandHandler
  @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
  void handle(ConductInspection command, References references, Clock clock) {
    InspectionConducted event =
        new InspectionConducted(
            command.inspectionId(),
            command.campaignId(),
            command.unitId(),
            command.kind(),
            command.conductedOn(),
            command.findings(),
            command.rating());
    if (Creates.alreadyRecorded(conducted, event, "inspection", command.inspectionId())) {
      return;
    }
    CampaignLaunched campaign = references.requireCampaign("campaignId", command.campaignId());
    references.requireParticipant("unitId", campaign, command.unitId());
    if (command.conductedOn().isAfter(DueInstants.today(clock.instant()))) {
      throw new RuleBroken("conductedOn", "An inspection cannot be recorded before it happens.");
    }
    apply(event);
  }

  @EventSourcingHandler
  void on(InspectionConducted event) {
    this.streamId = StreamIds.inspection(event.inspectionId());
    this.conducted = event;
  }
}
