package io.fanzha.ledger.query.scorecard;

import io.fanzha.ledger.events.Rulebook;
import io.fanzha.ledger.query.scorecard.rules.CampaignTerms;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** A campaign as the scorecards need it, keyed by its id, from its CampaignLaunched event. */
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
    Instant launchedAt) {

  public static final String COLLECTION = "scorecard_campaigns";

  public ScoredCampaign {
    communityIds = List.copyOf(communityIds);
  }

  CampaignTerms terms() {
    return new CampaignTerms(campaignId, rulebook, startDate, launchEventId, launchedAt);
  }
}
