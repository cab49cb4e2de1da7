package io.fanzha.ledger.query.leadfeed;

/**
 * How far a lead has come with the police, in order: waiting for the broker's confirm, held by the
 * broker, acknowledged by the police, given an outcome. It only moves forward, except that a
 * redelivery takes a DELIVERED entry back to PENDING.
 */
public enum FeedState {
  PENDING,
  DELIVERED,
  ACKNOWLEDGED,
  OUTCOME
}
