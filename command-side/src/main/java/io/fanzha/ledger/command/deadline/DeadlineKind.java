package io.fanzha.ledger.command.deadline;

/** What falls due. */
public enum DeadlineKind {
  MONTHLY_REPORT,
  MONTH_CLOSE,
  EVIDENCE_WINDOW,
  RECTIFICATION,
  YEAR_END_REPORT
}
