package io.fanzha.ledger.command.lead;

import io.fanzha.ledger.platform.web.Refusal;

/** The lead was reported without a reporter's contact: there is nothing to disclose. */
public class NoReporter extends Refusal {

  public NoReporter(String leadId) {
    super(404, "no-reporter", "Lead " + leadId + " was reported with no reporter.");
  }
}
