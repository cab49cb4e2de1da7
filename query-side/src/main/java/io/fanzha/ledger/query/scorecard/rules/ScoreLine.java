package io.fanzha.ledger.query.scorecard.rules;

import java.math.BigDecimal;
import java.util.List;

/**
 * One line of a scorecard: the rule, the points it adds (negative when it deducts), the period it
 * concerns where it has one, and the events it rests on.
 */
public record ScoreLine(ScoreRule rule, BigDecimal points, String period, List<String> eventIds) {

  public ScoreLine {
    eventIds = List.copyOf(eventIds);
  }
}
