package io.fanzha.ledger.query.scorecard.rules;

/** What a recorded fact about a unit in a campaign is, as far as scoring is concerned. */
public enum FactKind {
  PENALTY,
  PENALTY_REVOKED,
  COMMENDATION,
  PUBLICITY_EVENT,
  EVIDENCE_WINDOW_CLOSED,
  MONTHLY_REPORT_SUBMITTED,
  YEAR_END_REPORT_SUBMITTED,
  REPORT_DEADLINE_MISSED,
  RECTIFICATION_OVERDUE,
  LEAD_OUTCOME
}
