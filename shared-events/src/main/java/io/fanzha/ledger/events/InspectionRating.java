package io.fanzha.ledger.events;

/** The rating an inspection gave. */
public enum InspectionRating {
  EXCELLENT,
  GOOD,
  PASS,
  FAIL
}
