package io.fanzha.ledger.query.scorecard.rules;

import static java.math.BigDecimal.ZERO;

import io.fanzha.ledger.events.Rulebook;
import io.fanzha.ledger.query.LedgerDays;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The default rulebook's rules that rest on facts recorded so far: the base, penalties not revoked,
 * commendations up to the yearly cap; the score never below zero; the grade from the rulebook's
 * thresholds. Pure functions: the same facts and day always give the same scorecard.
 */
public final class ScoringRules {

  private static final Comparator<ScoreFact> IN_RECORDED_ORDER =
      Comparator.comparing(ScoreFact::recordedAt).thenComparing(ScoreFact::eventId);

  private ScoringRules() {}

  /**
   * The scorecard from the facts recorded up to the end of {@code asOf} (Asia/Shanghai), or from
   * every fact when {@code asOf} is null.
   */
  public static Scorecard score(
      CampaignTerms campaign, Collection<ScoreFact> facts, LocalDate asOf) {
    Rulebook rules = campaign.rulebook();
    List<ScoreFact> counted =
        facts.stream().filter(f -> recordedBy(f, asOf)).sorted(IN_RECORDED_ORDER).toList();
    Set<String> revokedPenalties =
        counted.stream()
            .filter(f -> f.kind() == FactKind.PENALTY_REVOKED)
            .map(ScoreFact::subjectId)
            .collect(Collectors.toSet());

    List<ScoreLine> lines = new ArrayList<>();
    lines.add(
        new ScoreLine(
            ScoreRule.BASE, plain(rules.basePoints()), null, List.of(campaign.launchEventId())));
    Map<Long, BigDecimal> commendedPerYear = new HashMap<>();
    for (ScoreFact fact : counted) {
      switch (fact.kind()) {
        case PENALTY -> {
          if (!revokedPenalties.contains(fact.subjectId())) {
            lines.add(
                new ScoreLine(
                    ScoreRule.PENALTY,
                    plain(fact.points().abs().negate()),
                    null,
                    List.of(fact.eventId())));
          }
        }
        case COMMENDATION -> {
          long year = campaignYear(campaign.startDate(), LedgerDays.dayOf(fact.recordedAt()));
          BigDecimal already = commendedPerYear.getOrDefault(year, ZERO);
          BigDecimal awarded = capped(fact.points().abs(), already, rules.commendationCapPerYear());
          commendedPerYear.put(year, already.add(awarded));
          lines.add(
              new ScoreLine(ScoreRule.COMMENDATION, plain(awarded), null, List.of(fact.eventId())));
        }
        default -> {}
      }
    }

    BigDecimal score = plain(lines.stream().map(ScoreLine::points).reduce(ZERO, BigDecimal::add));
    if (score.signum() < 0) {
      score = ZERO;
    }
    return new Scorecard(
        score, grade(score, rules), rules.version(), lines, publicityEventsByMonth(counted));
  }

  /** EXCELLENT from {@code excellentFrom}, PASS from {@code passFrom}, FAIL below. */
  public static Grade grade(BigDecimal score, Rulebook rules) {
    if (score.compareTo(rules.excellentFrom()) >= 0) {
      return Grade.EXCELLENT;
    }
    if (score.compareTo(rules.passFrom()) >= 0) {
      return Grade.PASS;
    }
    return Grade.FAIL;
  }

  /**
   * Ranks for scores ordered best first: equal scores share a rank and the next score's rank counts
   * everyone above it (1, 1, 3).
   */
  public static List<Integer> ranks(List<BigDecimal> scoresBestFirst) {
    List<Integer> ranks = new ArrayList<>(scoresBestFirst.size());
    for (int i = 0; i < scoresBestFirst.size(); i++) {
      boolean tied = i > 0 && scoresBestFirst.get(i).compareTo(scoresBestFirst.get(i - 1)) == 0;
      ranks.add(tied ? ranks.get(i - 1) : i + 1);
    }
    return ranks;
  }

  /** A number as the ledger shows it: no trailing zeros, never in exponent form. */
  public static BigDecimal plain(BigDecimal points) {
    BigDecimal stripped = points.stripTrailingZeros();
    return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
  }

  private static boolean recordedBy(ScoreFact fact, LocalDate asOf) {
    return asOf == null || fact.recordedAt().isBefore(LedgerDays.endOf(asOf));
  }

  /** Campaign years run from the start date; anything before the start counts in the first. */
  private static long campaignYear(LocalDate start, LocalDate day) {
    return day.isBefore(start) ? 0 : ChronoUnit.YEARS.between(start, day);
  }

  private static BigDecimal capped(BigDecimal points, BigDecimal already, BigDecimal cap) {
    if (cap == null) {
      return points;
    }
    return points.min(cap.subtract(already).max(ZERO));
  }

  private static SortedMap<String, Integer> publicityEventsByMonth(List<ScoreFact> counted) {
    SortedMap<String, Integer> byMonth = new TreeMap<>();
    counted.stream()
        .filter(f -> f.kind() == FactKind.PUBLICITY_EVENT && f.heldOn() != null)
        .forEach(f -> byMonth.merge(YearMonth.from(f.heldOn()).toString(), 1, Integer::sum));
    return byMonth;
  }
}
