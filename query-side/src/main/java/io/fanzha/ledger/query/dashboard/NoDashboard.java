package io.fanzha.ledger.query.dashboard;

import io.fanzha.ledger.platform.web.Refusal;

/** There is no campaign to show: none launched yet, or not the one named; 404. */
class NoDashboard extends Refusal {

  private NoDashboard(String detail) {
    super(404, "not-found", detail);
  }

  static NoDashboard noCampaignYet() {
    return new NoDashboard("No campaign has been launched yet.");
  }

  static NoDashboard noSuchCampaign(String campaignId) {
    return new NoDashboard("No campaign " + campaignId + " is known.");
  }
}
