package io.fanzha.ledger.query.scorecard.rules;

/** The rules a scorecard line can name (domain.md); more arrive with the facts they rest on. */
public enum ScoreRule {
  BASE,
  PENALTY,
  COMMENDATION
}
