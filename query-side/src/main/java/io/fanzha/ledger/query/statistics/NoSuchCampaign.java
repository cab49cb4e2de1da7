package io.fanzha.ledger.query.statistics;

import io.fanzha.ledger.platform.web.Refusal;

/** The path names a campaign the statistics do not know; 404. */
public class NoSuchCampaign extends Refusal {

  NoSuchCampaign(String campaignId) {
    super(404, "not-found", "No campaign " + campaignId + " is known.");
  }
}
