package io.fanzha.ledger.events;

import java.time.LocalDate;
import java.util.List;
import org.axonframework.serialization.Revision;

/** A work plan (工作方案) was launched for a jurisdiction and its communities. */
@Revision("1")
public record CampaignLaunched(
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

  public CampaignLaunched {
    communityIds = List.copyOf(communityIds);
    phases = phases == null ? List.of() : List.copyOf(phases);
  }
}
