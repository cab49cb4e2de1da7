package io.fanzha.ledger.events;

/** Which report a deadline or submission is about. */
public enum ReportKind {
  MONTHLY,
  YEAR_END
}
