package io.fanzha.ledger.query.scorecard.rules;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A community's score in a campaign as computed from its facts, with the lines that explain it and
 * its publicity events counted per month ({@code YYYY-MM}) of the day they were held.
 */
public record Scorecard(
    BigDecimal score,
    Grade grade,
    String rulebookVersion,
    List<ScoreLine> lines,
    SortedMap<String, Integer> publicityEventsByMonth) {

  public Scorecard {
    lines = List.copyOf(lines);
    publicityEventsByMonth =
        Collections.unmodifiableSortedMap(new TreeMap<>(publicityEventsByMonth));
  }
}
