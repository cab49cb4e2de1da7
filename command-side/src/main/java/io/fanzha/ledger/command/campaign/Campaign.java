package io.fanzha.ledger.command.campaign;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import io.fanzha.ledger.command.recording.IdAlreadyUsed;
import io.fanzha.ledger.command.recording.References;
import io.fanzha.ledger.command.recording.RuleBroken;
import io.fanzha.ledger.command.recording.StreamIds;
import io.fanzha.ledger.events.CampaignLaunched;
import io.fanzha.ledger.events.Phase;
import io.fanzha.ledger.events.Rulebook;
import io.fanzha.ledger.events.UnitKind;
import java.util.HashSet;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

@Aggregate
public class Campaign {

  @AggregateIdentifier private String streamId;
  private CampaignLaunched launched;

  protected Campaign() {}

  @CommandHandler
  @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
  void handle(LaunchCampaign command, References references) {
    CampaignLaunched event =
        new CampaignLaunched(
            command.campaignId(),
            command.title(),
            command.jurisdictionUnitId(),
            command.startDate(),
            command.endDate(),
            command.monthlyReportDueDay(),
            command.yearEndReportDue(),
            command.communityIds(),
            command.phases(),
            command.rulebook() == null ? Rulebook.defaultRules() : command.rulebook());
    if (launched != null) {
      if (!launched.equals(event)) {
        throw new IdAlreadyUsed("campaign", command.campaignId());
      }
      return;
    }
    if (command.endDate().isBefore(command.startDate())) {
      throw new RuleBroken("endDate", "The campaign cannot end before it starts.");
    }
    if (command.yearEndReportDue().isBefore(command.startDate())) {
      throw new RuleBroken(
          "yearEndReportDue", "The year-end report cannot be due before the start.");
    }
    references.requireUnit("jurisdictionUnitId", command.jurisdictionUnitId());
    if (new HashSet<>(command.communityIds()).size() != command.communityIds().size()) {
      throw new RuleBroken("communityIds", "A community is listed twice.");
    }
    for (int i = 0; i < command.communityIds().size(); i++) {
      String field = "communityIds[" + i + "]";
      String id = command.communityIds().get(i);
      if (references.requireUnit(field, id).kind() != UnitKind.COMMUNITY) {
        throw new RuleBroken(field, "Unit " + id + " is not a community.");
      }
    }
    for (int i = 0; i < event.phases().size(); i++) {
      Phase phase = event.phases().get(i);
      if (phase.to().isBefore(phase.from())
          || phase.from().isBefore(command.startDate())
          || phase.to().isAfter(command.endDate())) {
        throw new RuleBroken(
            "phases[" + i + "]",
            "A phase must lie within the campaign and not end before it starts.");
      }
    }
    apply(event);
  }

  @EventSourcingHandler
  void on(CampaignLaunched event) {
    this.streamId = StreamIds.campaign(event.campaignId());
    this.launched = event;
  }
}
