package io.fanzha.ledger.query.lead;

/** Where a lead stands in the hand-off to the police; statuses arrive with their events. */
public enum LeadStatus {
  REPORTED
}
