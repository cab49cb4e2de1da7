package io.fanzha.ledger.command.lead;

import io.fanzha.ledger.platform.web.Refusal;

/** The reporter asked to be erased: their contact is gone for good. */
public class ReporterErased extends Refusal {

  public ReporterErased(String leadId) {
    super(410, "reporter-erased", "The reporter of lead " + leadId + " was erased on request.");
  }
}
