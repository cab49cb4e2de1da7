package io.fanzha.ledger.events;

/** The kinds of unit taking part in a campaign. */
public enum UnitKind {
  STREET_OFFICE,
  COMMUNITY,
  POLICE_STATION,
  BANK_BRANCH,
  SCHOOL,
  ENTERPRISE,
  TELECOM_BRANCH,
  MEDIA,
  OTHER
}
