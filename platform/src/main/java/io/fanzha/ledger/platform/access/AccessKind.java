package io.fanzha.ledger.platform.access;

/** What kind of access an entry of the trail records. */
public enum AccessKind {
  /** A role or unit was refused what it asked for (403), by the rules or by the ledger. */
  FORBIDDEN,
  /** An account name was locked after repeated failed logins. */
  ACCOUNT_LOCKED,
  /** Someone was given personal data (a reporter's contact, say). */
  PERSONAL_DATA_READ
}
