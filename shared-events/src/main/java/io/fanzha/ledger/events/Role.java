package io.fanzha.ledger.events;

/** What an account may do; bound to a unit for COMMUNITY and PARTNER (and optionally POLICE). */
public enum Role {
  STREET_OFFICE,
  COMMUNITY,
  POLICE,
  PARTNER,
  LEADERSHIP,
  AUDITOR
}
