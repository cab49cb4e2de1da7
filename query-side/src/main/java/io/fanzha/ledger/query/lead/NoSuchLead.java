package io.fanzha.ledger.query.lead;

import io.fanzha.ledger.platform.web.Refusal;

/** The path names a lead the read model does not hold; 404. */
public class NoSuchLead extends Refusal {

  NoSuchLead(String leadId) {
    super(404, "not-found", "No lead " + leadId + " is known.");
  }
}
