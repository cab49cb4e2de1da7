package io.fanzha.ledger.command.campaign;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import io.fanzha.ledger.command.recording.Creates;
import io.fanzha.ledger.command.recording.References;
import io.fanzha.ledger.command.recording.RuleBroken;
import io.fanzha.ledger.command.recording.StreamIds;
import io.fanzha.ledger.events.CampaignLaunched;
import io.fanzha.ledger.events.CampaignMonthClosed;
import io.fanzha.ledger.events.CampaignTaskDefined;
import io.fanzha.ledger.events.Phase;
import io.fanzha.ledger.events.Rulebook;
import io.fanzha.ledger.events.ScoringRulesAdopted;
import io.fanzha.ledger.events.UnitKind;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
  private final Set<YearMonth> closedMonths = new HashSet<>();
  private final Map<String, CampaignTaskDefined> tasks = new HashMap<>();
  private final List<ScoringRulesAdopted> adoptions = new ArrayList<>();

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
    if (Creates.alreadyRecorded(launched, event, "campaign", command.campaignId())) {
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

  @CommandHandler
  void handle(CloseCampaignMonth command) {
    if (!closedMonths.contains(command.month())) {
      apply(new CampaignMonthClosed(launched.campaignId(), command.month()));
    }
  }

  @CommandHandler
  void handle(DefineCampaignTask command, References references) {
    CampaignTaskDefined event =
        new CampaignTaskDefined(
            command.campaignId(),
            command.taskId(),
            command.description(),
            command.responsibleUnitIds(),
            command.cooperatingUnitIds(),
            command.recurrence(),
            command.evidenceRequired());
    CampaignTaskDefined existing = tasks.get(command.taskId());
    if (Creates.alreadyRecorded(existing, event, "task", command.taskId())) {
      return;
    }
    for (int i = 0; i < event.responsibleUnitIds().size(); i++) {
      references.requireUnit("responsibleUnitIds[" + i + "]", event.responsibleUnitIds().get(i));
    }
    for (int i = 0; i < event.cooperatingUnitIds().size(); i++) {
      references.requireUnit("cooperatingUnitIds[" + i + "]", event.cooperatingUnitIds().get(i));
    }
    apply(event);
  }

  @CommandHandler
  void handle(AdoptScoringRules command) {
    ScoringRulesAdopted event =
        new ScoringRulesAdopted(launched.campaignId(), command.rulebook(), command.effectiveFrom());
    if (adoptions.contains(event)) {
      return;
    }
    if (command.effectiveFrom().isBefore(launched.startDate())
        || command.effectiveFrom().isAfter(launched.endDate())) {
      throw new RuleBroken("effectiveFrom", "The rules must take effect within the campaign.");
    }
    apply(event);
  }

  @EventSourcingHandler
  void on(CampaignLaunched event) {
    this.streamId = StreamIds.campaign(event.campaignId());
    this.launched = event;
  }

  @EventSourcingHandler
  void on(CampaignMonthClosed event) {
    closedMonths.add(event.month());
  }

  @EventSourcingHandler
  void on(CampaignTaskDefined event) {
    tasks.put(event.taskId(), event);
  }

  @EventSourcingHandler
  void on(ScoringRulesAdopted event) {
    adoptions.add(event);
  }
}
