package io.fanzha.ledger.query.statistics;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** A campaign as its statistics table needs it, keyed by its id, from its CampaignLaunched. */
@Document(StatisticsCampaign.COLLECTION)
public record StatisticsCampaign(
    @Id String campaignId,
    String title,
    List<String> communityIds,
    LocalDate startDate,
    LocalDate endDate) {

  public static final String COLLECTION = "statistics_campaigns";

  public StatisticsCampaign {
    communityIds = communityIds == null ? List.of() : List.copyOf(communityIds);
  }

  boolean covers(YearMonth month) {
    return !month.isBefore(YearMonth.from(startDate)) && !month.isAfter(YearMonth.from(endDate));
  }
}
