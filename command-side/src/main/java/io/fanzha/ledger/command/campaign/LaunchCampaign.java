package io.fanzha.ledger.command.campaign;

import io.fanzha.ledger.command.recording.StreamIds;
import io.fanzha.ledger.events.Phase;
import io.fanzha.ledger.events.Rulebook;
import java.time.LocalDate;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record LaunchCampaign(
    String campaignId,
    String title,
    String jurisdictionUnitId,
    LocalDate startDate,
    LocalDate endDate,
    int monthlyReportDueDay,
    LocalDate yearEndReportDue,
    List<String> communityIds,
    List<Phase> phases,
    Rulebook rulebook) {

  @TargetAggregateIdentifier
  public String streamId() {
    return StreamIds.campaign(campaignId);
  }
}
