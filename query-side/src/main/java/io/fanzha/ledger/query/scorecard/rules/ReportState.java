package io.fanzha.ledger.query.scorecard.rules;

/**
 * Where a community's report for a month, or its year-end report, stands on the scorecard's day.
 */
public enum ReportState {
  ON_TIME,
  LATE,
  MISSING
}
