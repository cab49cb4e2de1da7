package io.fanzha.ledger.command.deadline;

/** What falls due. */
public enum DeadlineKind {
  MONTHLY_REPORT,
  MONTH_CLOSE,
  EVIDENCE_WINDOW,
  RECTIFICATION,
  YEAR_END_REPORT,
  /** A lead's acknowledgement window ({@code fanzha.leads.acknowledge-within}) ends. */
  LEAD_ACKNOWLEDGEMENT
}
