package io.fanzha.ledger.query.lead;

import io.fanzha.ledger.events.LeadOutcome;

/**
 * Where a lead stands in the hand-off to the police: reported, until the police record an outcome;
 * then the latest outcome.
 */
public enum LeadStatus {
  REPORTED,
  CASE_FILED,
  INVALID,
  DUPLICATE,
  UNDER_INVESTIGATION;

  static LeadStatus of(LeadOutcome outcome) {
    return valueOf(outcome.name());
  }
}
