package io.fanzha.ledger.query.scorecard.rules;

/** The rules a scorecard line can name (domain.md), in the order a scorecard lists them. */
public enum ScoreRule {
  BASE,
  PUBLICITY_MONTH_MISSED,
  EVIDENCE_MISSING,
  REPORT_LATE,
  REPORT_MISSING,
  RECTIFICATION_OVERDUE,
  PENALTY,
  COMMENDATION,
  LEAD_CONFIRMED,
  CASE_RATE
}
