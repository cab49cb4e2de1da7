package io.fanzha.ledger.query.scorecard.rules;

import static java.math.BigDecimal.ZERO;

import io.fanzha.ledger.events.CaseRateBand;
import io.fanzha.ledger.events.LeadOutcome;
import io.fanzha.ledger.events.ReportKind;
import io.fanzha.ledger.events.Rulebook;
import io.fanzha.ledger.query.LedgerDays;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The default rulebook of domain.md over the facts recorded by the end of a day (Asia/Shanghai):
 * the base; a month closed without publicity; an event without evidence when its window closed;
 * monthly reports late or missing; rectifications overdue; penalties not revoked; commendations and
 * confirmed leads up to their yearly caps; the case rate of the campaign so far; the score never
 * below zero; the grade. The numbers are those of the rulebook in force on that day. Pure
 * functions: the same facts and day always give the same scorecard.
 */
public final class ScoringRules {

  /** Log order: the order the facts were recorded in, whatever their timestamps say. */
  private static final Comparator<ScoreFact> IN_LOG_ORDER =
      Comparator.comparingLong(ScoreFact::position).thenComparing(ScoreFact::eventId);

  private static final BigDecimal TEN_THOUSAND = new BigDecimal(10_000);

  private ScoringRules() {}

  /** The scorecard from the facts recorded up to the end of {@code day} (Asia/Shanghai). */
  public static Scorecard score(CampaignTerms campaign, Community community, LocalDate day) {
    Instant end = LedgerDays.endOf(day);
    Optional<RulebookAdoption> adoption = adoptionInForce(campaign, day);
    Rulebook rules = adoption.map(RulebookAdoption::rulebook).orElse(campaign.rulebook());
    List<ScoreFact> counted =
        community.facts().stream()
            .filter(f -> f.recordedAt().isBefore(end))
            .sorted(IN_LOG_ORDER)
            .toList();

    List<String> baseEvents = new ArrayList<>(List.of(campaign.launchEventId()));
    adoption.ifPresent(a -> baseEvents.add(a.eventId()));
    List<ScoreLine> lines = new ArrayList<>();
    lines.add(new ScoreLine(ScoreRule.BASE, plain(rules.basePoints()), null, baseEvents));
    lines.addAll(publicityMonthsMissed(campaign, rules, counted, end));
    lines.addAll(evidenceMissing(rules, counted));
    lines.addAll(monthlyReports(rules, counted));
    lines.addAll(rectificationsOverdue(rules, counted));
    lines.addAll(penalties(counted));
    lines.addAll(commendations(campaign, rules, counted));
    lines.addAll(confirmedLeads(campaign, rules, counted));
    caseRate(campaign, rules, community, end).ifPresent(lines::add);
    // Grouped by rule in the order of ScoreRule; within a rule the order they were made in.
    List<ScoreLine> ordered = lines.stream().sorted(Comparator.comparing(ScoreLine::rule)).toList();

    BigDecimal score = plain(ordered.stream().map(ScoreLine::points).reduce(ZERO, BigDecimal::add));
    if (score.signum() < 0) {
      score = ZERO;
    }
    return new Scorecard(
        day,
        score,
        grade(score, rules),
        rules.version(),
        ordered,
        publicityEventsByMonth(counted),
        reportsByMonth(counted),
        yearEndReport(counted));
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

  private static Optional<RulebookAdoption> adoptionInForce(CampaignTerms campaign, LocalDate day) {
    Instant end = LedgerDays.endOf(day);
    return campaign.adoptions().stream()
        .filter(a -> a.recordedAt().isBefore(end) && !a.effectiveFrom().isAfter(day))
        .max(
            Comparator.comparing(RulebookAdoption::effectiveFrom)
                .thenComparingLong(RulebookAdoption::position));
  }

  /** −publicityMonthMissed for each month closed by the day in which no event was held. */
  private static List<ScoreLine> publicityMonthsMissed(
      CampaignTerms campaign, Rulebook rules, List<ScoreFact> counted, Instant end) {
    if (rules.publicityMonthMissed() == null) {
      return List.of();
    }
    Set<YearMonth> monthsWithPublicity =
        counted.stream()
            .filter(f -> f.kind() == FactKind.PUBLICITY_EVENT && f.heldOn() != null)
            .map(f -> YearMonth.from(f.heldOn()))
            .collect(Collectors.toSet());
    Map<YearMonth, MonthClosure> closures = new TreeMap<>();
    campaign.monthsClosed().stream()
        .filter(c -> c.recordedAt().isBefore(end))
        .sorted(Comparator.comparingLong(MonthClosure::position))
        .forEach(c -> closures.putIfAbsent(c.month(), c));
    List<ScoreLine> lines = new ArrayList<>();
    closures.forEach(
        (month, closure) -> {
          if (!monthsWithPublicity.contains(month)) {
            lines.add(
                deduction(
                    ScoreRule.PUBLICITY_MONTH_MISSED,
                    rules.publicityMonthMissed(),
                    month,
                    List.of(closure.eventId())));
          }
        });
    return lines;
  }

  /** −evidenceMissing for each publicity event whose evidence window closed with none. */
  private static List<ScoreLine> evidenceMissing(Rulebook rules, List<ScoreFact> counted) {
    if (rules.evidenceMissing() == null) {
      return List.of();
    }
    Map<String, String> heldEventIds =
        firstBySubject(counted, FactKind.PUBLICITY_EVENT).entrySet().stream()
            .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().eventId()));
    List<ScoreLine> lines = new ArrayList<>();
    firstBySubject(counted, FactKind.EVIDENCE_WINDOW_CLOSED)
        .forEach(
            (publishEventId, closed) -> {
              if (closed.evidenceCount() == null || closed.evidenceCount() > 0) {
                return;
              }
              List<String> events = new ArrayList<>();
              Optional.ofNullable(heldEventIds.get(publishEventId)).ifPresent(events::add);
              events.add(closed.eventId());
              lines.add(
                  deduction(
                      ScoreRule.EVIDENCE_MISSING,
                      rules.evidenceMissing(),
                      closed.heldOn() == null ? null : YearMonth.from(closed.heldOn()),
                      events));
            });
    return lines;
  }

  /**
   * Per month: the first report submitted decides; late, it loses reportLate (naming the missed
   * deadline too, where one was recorded); with no report but a missed deadline, reportMissing.
   */
  private static List<ScoreLine> monthlyReports(Rulebook rules, List<ScoreFact> counted) {
    Map<YearMonth, ScoreFact> submitted = firstMonthly(counted, FactKind.MONTHLY_REPORT_SUBMITTED);
    Map<YearMonth, ScoreFact> missed = firstMonthly(counted, FactKind.REPORT_DEADLINE_MISSED);
    Set<YearMonth> months = new TreeSet<>(submitted.keySet());
    months.addAll(missed.keySet());
    List<ScoreLine> lines = new ArrayList<>();
    for (YearMonth month : months) {
      ScoreFact report = submitted.get(month);
      ScoreFact deadline = missed.get(month);
      if (report != null) {
        if (Boolean.TRUE.equals(report.late()) && rules.reportLate() != null) {
          List<String> events = new ArrayList<>(List.of(report.eventId()));
          if (deadline != null) {
            events.add(deadline.eventId());
          }
          lines.add(deduction(ScoreRule.REPORT_LATE, rules.reportLate(), month, events));
        }
      } else if (rules.reportMissing() != null) {
        lines.add(
            deduction(
                ScoreRule.REPORT_MISSING,
                rules.reportMissing(),
                month,
                List.of(deadline.eventId())));
      }
    }
    return lines;
  }

  /** −rectificationOverdue for each rectification overdue by the day, even if done since. */
  private static List<ScoreLine> rectificationsOverdue(Rulebook rules, List<ScoreFact> counted) {
    if (rules.rectificationOverdue() == null) {
      return List.of();
    }
    return firstBySubject(counted, FactKind.RECTIFICATION_OVERDUE).values().stream()
        .map(
            f ->
                deduction(
                    ScoreRule.RECTIFICATION_OVERDUE,
                    rules.rectificationOverdue(),
                    null,
                    List.of(f.eventId())))
        .toList();
  }

  /** −its points for each penalty not revoked by the day. */
  private static List<ScoreLine> penalties(List<ScoreFact> counted) {
    Set<String> revoked =
        counted.stream()
            .filter(f -> f.kind() == FactKind.PENALTY_REVOKED)
            .map(ScoreFact::subjectId)
            .collect(Collectors.toSet());
    return counted.stream()
        .filter(f -> f.kind() == FactKind.PENALTY && !revoked.contains(f.subjectId()))
        .map(
            f ->
                new ScoreLine(
                    ScoreRule.PENALTY,
                    plain(f.points().abs().negate()),
                    null,
                    List.of(f.eventId())))
        .toList();
  }

  /** +its points for each commendation, at most commendationCapPerYear a campaign year. */
  private static List<ScoreLine> commendations(
      CampaignTerms campaign, Rulebook rules, List<ScoreFact> counted) {
    return cappedPerYear(
        campaign,
        ScoreRule.COMMENDATION,
        counted.stream().filter(f -> f.kind() == FactKind.COMMENDATION).toList(),
        f -> f.points().abs(),
        rules.commendationCapPerYear());
  }

  /**
   * +leadConfirmed for each lead whose latest outcome by the day is CASE_FILED, at most
   * leadConfirmedCapPerYear a campaign year (the year the outcome was recorded).
   */
  private static List<ScoreLine> confirmedLeads(
      CampaignTerms campaign, Rulebook rules, List<ScoreFact> counted) {
    if (rules.leadConfirmed() == null) {
      return List.of();
    }
    Map<String, ScoreFact> latestByLead = new LinkedHashMap<>();
    counted.stream()
        .filter(f -> f.kind() == FactKind.LEAD_OUTCOME)
        .forEach(f -> latestByLead.put(f.subjectId(), f));
    List<ScoreFact> confirmed =
        latestByLead.values().stream()
            .filter(f -> f.outcome() == LeadOutcome.CASE_FILED)
            .sorted(IN_LOG_ORDER)
            .toList();
    return cappedPerYear(
        campaign,
        ScoreRule.LEAD_CONFIRMED,
        confirmed,
        f -> rules.leadConfirmed(),
        rules.leadConfirmedCapPerYear());
  }

  /**
   * Cases that occurred within the campaign's period and were recorded by the day, per 10,000
   * residents: the band with the highest threshold strictly below the rate deducts its points.
   */
  private static Optional<ScoreLine> caseRate(
      CampaignTerms campaign, Rulebook rules, Community community, Instant end) {
    Integer population = community.population();
    if (population == null || population <= 0) {
      return Optional.empty();
    }
    Map<String, FraudCase> cases = new LinkedHashMap<>();
    community.cases().stream()
        .filter(c -> c.recordedAt().isBefore(end) && within(campaign, c.occurredOn()))
        .sorted(Comparator.comparingLong(FraudCase::position).thenComparing(FraudCase::eventId))
        .forEach(c -> cases.putIfAbsent(c.caseId(), c));
    if (cases.isEmpty()) {
      return Optional.empty();
    }
    // rate > threshold  <=>  cases * 10,000 > threshold * population, exactly
    BigDecimal casesTimesTenThousand = TEN_THOUSAND.multiply(BigDecimal.valueOf(cases.size()));
    BigDecimal residents = BigDecimal.valueOf(population);
    return rules.caseRateBands().stream()
        .filter(
            b ->
                casesTimesTenThousand.compareTo(b.casesPerTenThousandAbove().multiply(residents))
                    > 0)
        .max(Comparator.comparing(CaseRateBand::casesPerTenThousandAbove))
        .map(
            band ->
                deduction(
                    ScoreRule.CASE_RATE,
                    band.points(),
                    null,
                    cases.values().stream().map(FraudCase::eventId).toList()));
  }

  private static boolean within(CampaignTerms campaign, LocalDate day) {
    return day != null
        && (campaign.startDate() == null || !day.isBefore(campaign.startDate()))
        && (campaign.endDate() == null || !day.isAfter(campaign.endDate()));
  }

  private static List<ScoreLine> cappedPerYear(
      CampaignTerms campaign,
      ScoreRule rule,
      List<ScoreFact> awards,
      Function<ScoreFact, BigDecimal> points,
      BigDecimal capPerYear) {
    Map<Long, BigDecimal> awardedPerYear = new HashMap<>();
    List<ScoreLine> lines = new ArrayList<>();
    for (ScoreFact fact : awards) {
      long year = campaignYear(campaign.startDate(), LedgerDays.dayOf(fact.recordedAt()));
      BigDecimal already = awardedPerYear.getOrDefault(year, ZERO);
      BigDecimal awarded = capped(points.apply(fact), already, capPerYear);
      awardedPerYear.put(year, already.add(awarded));
      lines.add(new ScoreLine(rule, plain(awarded), null, List.of(fact.eventId())));
    }
    return lines;
  }

  private static ScoreLine deduction(
      ScoreRule rule, BigDecimal magnitude, YearMonth period, List<String> eventIds) {
    return new ScoreLine(
        rule, plain(magnitude.abs().negate()), period == null ? null : period.toString(), eventIds);
  }

  /** The first fact of a kind per subject, in log order: a redelivered fact is kept only once. */
  private static Map<String, ScoreFact> firstBySubject(List<ScoreFact> counted, FactKind kind) {
    Map<String, ScoreFact> first = new LinkedHashMap<>();
    counted.stream()
        .filter(f -> f.kind() == kind && f.subjectId() != null)
        .forEach(f -> first.putIfAbsent(f.subjectId(), f));
    return first;
  }

  /** The first monthly report, or monthly deadline missed, per month, in log order. */
  private static Map<YearMonth, ScoreFact> firstMonthly(List<ScoreFact> counted, FactKind kind) {
    Map<YearMonth, ScoreFact> first = new TreeMap<>();
    counted.stream()
        .filter(f -> f.kind() == kind && f.reportKind() == ReportKind.MONTHLY && f.month() != null)
        .forEach(f -> first.putIfAbsent(f.month(), f));
    return first;
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
    firstBySubject(counted, FactKind.PUBLICITY_EVENT).values().stream()
        .filter(f -> f.heldOn() != null)
        .forEach(f -> byMonth.merge(YearMonth.from(f.heldOn()).toString(), 1, Integer::sum));
    return byMonth;
  }

  private static SortedMap<String, ReportState> reportsByMonth(List<ScoreFact> counted) {
    Map<YearMonth, ScoreFact> submitted = firstMonthly(counted, FactKind.MONTHLY_REPORT_SUBMITTED);
    SortedMap<String, ReportState> byMonth = new TreeMap<>();
    firstMonthly(counted, FactKind.REPORT_DEADLINE_MISSED)
        .keySet()
        .forEach(month -> byMonth.put(month.toString(), ReportState.MISSING));
    submitted.forEach(
        (month, report) ->
            byMonth.put(
                month.toString(),
                Boolean.TRUE.equals(report.late()) ? ReportState.LATE : ReportState.ON_TIME));
    return byMonth;
  }

  private static ReportState yearEndReport(List<ScoreFact> counted) {
    Optional<ScoreFact> report =
        counted.stream().filter(f -> f.kind() == FactKind.YEAR_END_REPORT_SUBMITTED).findFirst();
    if (report.isPresent()) {
      return Boolean.TRUE.equals(report.get().late()) ? ReportState.LATE : ReportState.ON_TIME;
    }
    boolean missed =
        counted.stream()
            .anyMatch(
                f ->
                    f.kind() == FactKind.REPORT_DEADLINE_MISSED
                        && f.reportKind() == ReportKind.YEAR_END);
    return missed ? ReportState.MISSING : null;
  }
}
