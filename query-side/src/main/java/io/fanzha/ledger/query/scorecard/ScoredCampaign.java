package io.fanzha.ledger.query.scorecard;

import io.fanzha.ledger.events.Rulebook;
import io.fanzha.ledger.query.scorecard.rules.CampaignTerms;
import io.fanzha.ledger.query.scorecard.rules.MonthClosure;
import io.fanzha.ledger.query.scorecard.rules.RulebookAdoption;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A campaign as the scorecards need it, keyed by its id: its terms from CampaignLaunched, the
 * months closed so far and the rulebooks adopted since, each added once with {@code $addToSet}.
 */
@Document(ScoredCampaign.COLLECTION)
public record ScoredCampaign(
    @Id String campaignId,
    String title,
    String jurisdictionUnitId,
    List<String> communityIds,
    Rulebook rulebook,
    LocalDate startDate,
    LocalDate endDate,
    String launchEventId,
    Instant launchedAt,
    List<MonthClosure> monthsClosed,
    List<RulebookAdoption> adoptions) {

  public static final String COLLECTION = "scorecard_campaigns";

  public ScoredCampaign {
    communityIds = communityIds == null ? List.of() : List.copyOf(communityIds);
    monthsClosed = monthsClosed == null ? List.of() : List.copyOf(monthsClosed);
    adoptions = adoptions == null ? List.of() : List.copyOf(adoptions);
  }

  /** Whether the launch itself has been seen (a later fact may have created the document). */
  boolean launched() {
    return launchEventId != null;
  }

  CampaignTerms terms() {
    return new CampaignTerms(
        campaignId,
        rulebook,
        startDate,
        endDate,
        launchEventId,
        launchedAt,
        monthsClosed,
        adoptions);
  }
}
