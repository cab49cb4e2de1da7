package io.fanzha.ledger.query.scorecard.rules;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Collections;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A community's score in a campaign as computed from its facts on {@code day}, under the rulebook
 * in force that day, with the lines that explain it. For information (no points of their own): its
 * publicity events counted per month ({@code YYYY-MM}) of the day they were held, where each
 * month's report stands, and where the year-end report stands (null while nothing is known).
 */
public record Scorecard(
    LocalDate day,
    BigDecimal score,
    Grade grade,
    String rulebookVersion,
    List<ScoreLine> lines,
    SortedMap<String, Integer> publicityEventsByMonth,
    SortedMap<String, ReportState> reportsByMonth,
    ReportState yearEndReport) {

  public Scorecard {
    lines = List.copyOf(lines);
    publicityEventsByMonth =
        Collections.unmodifiableSortedMap(new TreeMap<>(publicityEventsByMonth));
    reportsByMonth = Collections.unmodifiableSortedMap(new TreeMap<>(reportsByMonth));
  }
}
