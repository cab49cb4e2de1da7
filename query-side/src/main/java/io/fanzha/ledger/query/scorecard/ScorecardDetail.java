package io.fanzha.ledger.query.scorecard;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.fanzha.ledger.query.scorecard.rules.Grade;
import io.fanzha.ledger.query.scorecard.rules.ReportState;
import io.fanzha.ledger.query.scorecard.rules.ScoreLine;
import io.fanzha.ledger.query.scorecard.rules.ScoreRule;
import io.fanzha.ledger.query.scorecard.rules.Scorecard;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.SortedMap;

/**
 * A community's scorecard in a campaign, line by line, as the API answers it. {@code asOf} is the
 * day it was computed for (the one asked, or the day of the newest event recorded); {@code
 * rulebookVersion} the rulebook in force that day. The last three fields are information and carry
 * no points of their own; {@code yearEndReport} is null while nothing is known of that report.
 */
public record ScorecardDetail(
    String unitId,
    String unitName,
    String campaignId,
    LocalDate asOf,
    BigDecimal score,
    Grade grade,
    String rulebookVersion,
    List<Line> lines,
    SortedMap<String, Integer> publicityEventsByMonth,
    SortedMap<String, ReportState> reportsByMonth,
    ReportState yearEndReport) {

  /** A line; {@code period} is left out where the rule has none. */
  public record Line(
      ScoreRule rule,
      BigDecimal points,
      @JsonInclude(JsonInclude.Include.NON_NULL) String period,
      List<String> eventIds) {

    static Line of(ScoreLine line) {
      return new Line(line.rule(), line.points(), line.period(), line.eventIds());
    }
  }

  static ScorecardDetail of(
      String campaignId, String unitId, String unitName, Scorecard scorecard) {
    return new ScorecardDetail(
        unitId,
        unitName,
        campaignId,
        scorecard.day(),
        scorecard.score(),
        scorecard.grade(),
        scorecard.rulebookVersion(),
        scorecard.lines().stream().map(Line::of).toList(),
        scorecard.publicityEventsByMonth(),
        scorecard.reportsByMonth(),
        scorecard.yearEndReport());
  }
}
