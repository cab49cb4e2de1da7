package io.fanzha.ledger.query.scorecard.rules;

/** 优秀, 达标 or not, by the thresholds of the campaign's rulebook. */
public enum Grade {
  EXCELLENT,
  PASS,
  FAIL
}
