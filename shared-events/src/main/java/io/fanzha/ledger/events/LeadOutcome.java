package io.fanzha.ledger.events;

/** What the police made of a lead. */
public enum LeadOutcome {
  CASE_FILED,
  INVALID,
  DUPLICATE,
  UNDER_INVESTIGATION
}
