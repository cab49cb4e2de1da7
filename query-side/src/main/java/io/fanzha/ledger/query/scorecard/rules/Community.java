package io.fanzha.ledger.query.scorecard.rules;

import java.util.List;

/**
 * What is recorded about one community: its residents (null when not known), its facts in the
 * campaign being scored, and the fraud cases recorded in it whatever the campaign.
 */
public record Community(Integer population, List<ScoreFact> facts, List<FraudCase> cases) {

  public Community {
    facts = facts == null ? List.of() : List.copyOf(facts);
    cases = cases == null ? List.of() : List.copyOf(cases);
  }

  /** A community of unknown population with no cases, known only by these facts. */
  public static Community withFacts(List<ScoreFact> facts) {
    return new Community(null, facts, List.of());
  }
}
