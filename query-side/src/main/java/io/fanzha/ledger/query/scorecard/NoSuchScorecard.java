package io.fanzha.ledger.query.scorecard;

import io.fanzha.ledger.platform.web.Refusal;
import java.time.LocalDate;

/** The path names a campaign, or a community of it, that the scorecards do not know; 404. */
public class NoSuchScorecard extends Refusal {

  private NoSuchScorecard(String detail) {
    super(404, "not-found", detail);
  }

  static NoSuchScorecard campaign(String campaignId) {
    return new NoSuchScorecard("No campaign " + campaignId + " is known.");
  }

  static NoSuchScorecard campaignAsOf(String campaignId, LocalDate asOf) {
    return new NoSuchScorecard(
        "Campaign " + campaignId + " had not been launched by " + asOf + ".");
  }

  static NoSuchScorecard unit(String campaignId, String unitId) {
    return new NoSuchScorecard(
        "Unit " + unitId + " is not a community of campaign " + campaignId + ".");
  }
}
