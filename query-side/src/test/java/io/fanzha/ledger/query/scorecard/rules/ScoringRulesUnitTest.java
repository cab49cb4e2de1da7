package io.fanzha.ledger.query.scorecard.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;
import static org.assertj.core.api.Assertions.tuple;

import io.fanzha.ledger.events.CaseRateBand;
import io.fanzha.ledger.events.LeadOutcome;
import io.fanzha.ledger.events.ReportKind;
import io.fanzha.ledger.events.Rulebook;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ScoringRulesUnitTest {

  private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
  private static final LocalDate YEAR_END = LocalDate.parse("2026-12-31");
  private static final CampaignTerms CAMPAIGN = campaign(List.of(), List.of());

  /** Positions in the log, handed out in the order the facts are made. */
  private long position;

  private static CampaignTerms campaign(
      List<MonthClosure> closures, List<RulebookAdoption> adoptions) {
    return new CampaignTerms(
        "2026",
        Rulebook.defaultRules(),
        LocalDate.parse("2026-01-01"),
        LocalDate.parse("2026-12-31"),
        "launch-event",
        Instant.parse("2025-12-20T02:00:00Z"),
        closures,
        adoptions);
  }

  private static Instant at(String instant) {
    return Instant.parse(instant);
  }

  /** A wall-clock time in Shanghai, e.g. {@code 2026-04-01T00:00}. */
  private static Instant shanghai(String localDateTime) {
    return LocalDateTime.parse(localDateTime).atZone(SHANGHAI).toInstant();
  }

  private static LocalDate day(String day) {
    return LocalDate.parse(day);
  }

  private static BigDecimal points(String value) {
    return new BigDecimal(value);
  }

  private static Scorecard score(CampaignTerms campaign, List<ScoreFact> facts, LocalDate day) {
    return ScoringRules.score(campaign, Community.withFacts(facts), day);
  }

  private static Scorecard score(List<ScoreFact> facts, LocalDate day) {
    return score(CAMPAIGN, facts, day);
  }

  private static List<ScoreLine> linesOf(Scorecard card, ScoreRule rule) {
    return card.lines().stream().filter(l -> l.rule() == rule).toList();
  }

  private ScoreFact penalty(String eventId, Instant at, String penaltyId, String points) {
    return ScoreFact.penalty(eventId, ++position, at, penaltyId, points(points));
  }

  private ScoreFact commendation(String eventId, Instant at, String points) {
    return ScoreFact.commendation(eventId, ++position, at, "k-" + eventId, points(points));
  }

  private ScoreFact publicity(String eventId, Instant at, String publishEventId, String heldOn) {
    return ScoreFact.publicityEvent(eventId, ++position, at, publishEventId, day(heldOn));
  }

  private MonthClosure closure(String eventId, String month) {
    YearMonth closed = YearMonth.parse(month);
    return new MonthClosure(
        closed,
        eventId,
        ++position,
        closed.plusMonths(1).atDay(1).atStartOfDay(SHANGHAI).toInstant());
  }

  private ScoreFact leadOutcome(String eventId, Instant at, String leadId, LeadOutcome outcome) {
    return ScoreFact.leadOutcome(eventId, ++position, at, leadId, outcome);
  }

  private FraudCase fraudCase(String caseId, Instant at, String occurredOn) {
    return new FraudCase(caseId, "e-" + caseId, ++position, at, day(occurredOn));
  }

  @Test
  void aCommunityWithoutFactsKeepsTheBaseRestingOnTheLaunchEvent() {
    // When
    Scorecard card = score(List.of(), YEAR_END);

    // Then
    assertThat(card.score()).isEqualByComparingTo("100");
    assertThat(card.grade()).isEqualTo(Grade.EXCELLENT);
    assertThat(card.rulebookVersion()).isEqualTo("default-1");
    assertThat(card.day()).isEqualTo(YEAR_END);
    assertThat(card.lines())
        .containsExactly(
            new ScoreLine(ScoreRule.BASE, points("100"), null, List.of("launch-event")));
    assertThat(card.yearEndReport()).isNull();
  }

  @Nested
  class PenaltiesAndCommendations {

    @Test
    void penaltyDeductsItsPoints() {
      // Given
      var penalty = penalty("e1", at("2026-03-01T02:00:00Z"), "p1", "5");

      // When
      Scorecard card = score(List.of(penalty), YEAR_END);

      // Then
      assertThat(card.score()).isEqualByComparingTo("95");
      assertThat(card.lines())
          .contains(new ScoreLine(ScoreRule.PENALTY, points("-5"), null, List.of("e1")));
    }

    @Test
    void revokedPenaltyNoLongerDeducts() {
      // Given
      var penalty = penalty("e1", at("2026-03-01T02:00:00Z"), "p1", "5");
      var revocation = ScoreFact.revocation("e2", ++position, at("2026-03-05T02:00:00Z"), "p1");

      // When
      Scorecard card = score(List.of(penalty, revocation), YEAR_END);

      // Then
      assertThat(card.score()).isEqualByComparingTo("100");
      assertThat(card.lines()).extracting(ScoreLine::rule).containsExactly(ScoreRule.BASE);
    }

    @Test
    void aRevocationAfterAsOfLeavesThePenaltyCounting() {
      // Given a revocation at 00:00 on 20 March in Shanghai
      var penalty = penalty("e1", at("2026-03-01T02:00:00Z"), "p1", "5");
      var revocation = ScoreFact.revocation("e2", ++position, shanghai("2026-03-20T00:00"), "p1");

      // Then
      assertThat(score(List.of(penalty, revocation), day("2026-03-19")).score())
          .isEqualByComparingTo("95");
      assertThat(score(List.of(penalty, revocation), day("2026-03-20")).score())
          .isEqualByComparingTo("100");
    }

    @Test
    void commendationsBeyondTheYearlyCapAddOnlyWhatIsLeftOfIt() {
      // Given the default cap of 5 a year
      var first = commendation("e1", at("2026-02-01T02:00:00Z"), "3");
      var second = commendation("e2", at("2026-04-01T02:00:00Z"), "4");
      var third = commendation("e3", at("2026-06-01T02:00:00Z"), "1");

      // When given out of order
      Scorecard card = score(List.of(third, second, first), YEAR_END);

      // Then the later ones are capped
      assertThat(card.score()).isEqualByComparingTo("105");
      assertThat(linesOf(card, ScoreRule.COMMENDATION))
          .extracting(ScoreLine::points, ScoreLine::eventIds)
          .containsExactly(
              tuple(points("3"), List.of("e1")),
              tuple(points("2"), List.of("e2")),
              tuple(points("0"), List.of("e3")));
    }

    @Test
    void theCommendationCapStartsAfreshInTheNextCampaignYear() {
      // Given a full cap in the first year and one more commendation a year later
      var first = commendation("e1", at("2026-02-01T02:00:00Z"), "5");
      var nextYear = commendation("e2", at("2027-01-02T02:00:00Z"), "2");

      // When
      Scorecard card = score(List.of(first, nextYear), day("2027-01-02"));

      // Then
      assertThat(card.score()).isEqualByComparingTo("107");
    }
  }

  @Nested
  class PublicityMonths {

    @Test
    void aClosedMonthWithoutPublicityLosesFivePointsRestingOnTheClosure() {
      // Given March closed; the only event was held in February
      var february = publicity("e1", at("2026-02-10T02:00:00Z"), "pe1", "2026-02-10");
      CampaignTerms campaign = campaign(List.of(closure("closed-03", "2026-03")), List.of());

      // When
      Scorecard card = score(campaign, List.of(february), day("2026-04-01"));

      // Then
      assertThat(card.score()).isEqualByComparingTo("95");
      assertThat(linesOf(card, ScoreRule.PUBLICITY_MONTH_MISSED))
          .containsExactly(
              new ScoreLine(
                  ScoreRule.PUBLICITY_MONTH_MISSED, points("-5"), "2026-03", List.of("closed-03")));
    }

    @Test
    void aClosedMonthWithPublicityLosesNothing() {
      // Given
      var march = publicity("e1", at("2026-03-31T02:00:00Z"), "pe1", "2026-03-31");
      CampaignTerms campaign = campaign(List.of(closure("closed-03", "2026-03")), List.of());

      // When
      Scorecard card = score(campaign, List.of(march), day("2026-04-30"));

      // Then
      assertThat(card.score()).isEqualByComparingTo("100");
    }

    @Test
    void aMonthCountsAsMissedFromTheDayItsClosureIsRecorded() {
      // Given March closed at 00:00 on 1 April in Shanghai
      CampaignTerms campaign = campaign(List.of(closure("closed-03", "2026-03")), List.of());

      // Then
      assertThat(score(campaign, List.of(), day("2026-03-31")).score()).isEqualByComparingTo("100");
      assertThat(score(campaign, List.of(), day("2026-04-01")).score()).isEqualByComparingTo("95");
    }

    @Test
    void publicityRecordedAfterTheClosureLiftsTheDeductionFromItsTimestampOn() {
      // Given an event held on 20 March, recorded only on 3 April
      var backfilled = publicity("e1", shanghai("2026-04-03T09:00"), "pe1", "2026-03-20");
      CampaignTerms campaign = campaign(List.of(closure("closed-03", "2026-03")), List.of());

      // Then
      assertThat(score(campaign, List.of(backfilled), day("2026-04-02")).score())
          .isEqualByComparingTo("95");
      assertThat(score(campaign, List.of(backfilled), day("2026-04-03")).score())
          .isEqualByComparingTo("100");
    }

    @Test
    void aMonthClosedTwiceIsMissedOnce() {
      // Given
      CampaignTerms campaign =
          campaign(
              List.of(closure("closed-03", "2026-03"), closure("again-03", "2026-03")), List.of());

      // When
      Scorecard card = score(campaign, List.of(), day("2026-04-01"));

      // Then
      assertThat(linesOf(card, ScoreRule.PUBLICITY_MONTH_MISSED))
          .extracting(ScoreLine::eventIds)
          .containsExactly(List.of("closed-03"));
    }

    @Test
    void publicityEventsAreCountedByTheMonthTheyWereHeld() {
      // Given two events held in March, one in April (recorded in May), one recorded after asOf
      var march1 = publicity("e1", at("2026-03-02T02:00:00Z"), "pe1", "2026-03-01");
      var march2 = publicity("e2", at("2026-03-20T02:00:00Z"), "pe2", "2026-03-19");
      var april = publicity("e3", at("2026-05-02T02:00:00Z"), "pe3", "2026-04-30");
      var late = publicity("e4", at("2026-06-02T02:00:00Z"), "pe4", "2026-03-31");

      // When
      Scorecard card = score(List.of(march1, march2, april, late), day("2026-05-31"));

      // Then
      assertThat(card.publicityEventsByMonth())
          .containsExactly(entry("2026-03", 2), entry("2026-04", 1));
      assertThat(card.score()).isEqualByComparingTo("100");
    }
  }

  @Nested
  class Evidence {

    private ScoreFact windowClosed(
        String eventId, String publishEventId, String heldOn, int count) {
      LocalDate held = day(heldOn);
      return ScoreFact.evidenceWindowClosed(
          eventId,
          ++position,
          held.plusDays(8).atStartOfDay(SHANGHAI).toInstant(),
          publishEventId,
          held,
          count);
    }

    @Test
    void anEventWithoutEvidenceWhenItsWindowClosedLosesOnePoint() {
      // Given
      var held = publicity("held", at("2026-03-31T02:00:00Z"), "pe1", "2026-03-31");
      var closed = windowClosed("closed", "pe1", "2026-03-31", 0);

      // When
      Scorecard card = score(List.of(held, closed), day("2026-04-30"));

      // Then the line names both events and the month the event was held in
      assertThat(card.score()).isEqualByComparingTo("99");
      assertThat(linesOf(card, ScoreRule.EVIDENCE_MISSING))
          .containsExactly(
              new ScoreLine(
                  ScoreRule.EVIDENCE_MISSING, points("-1"), "2026-03", List.of("held", "closed")));
    }

    @Test
    void anEventWithEvidenceLosesNothing() {
      // Given
      var held = publicity("held", at("2026-03-01T02:00:00Z"), "pe1", "2026-03-01");
      var closed = windowClosed("closed", "pe1", "2026-03-01", 2);

      // Then
      assertThat(score(List.of(held, closed), day("2026-04-30")).score())
          .isEqualByComparingTo("100");
    }

    @Test
    void theDeductionCountsFromTheDayAfterTheWindowsLastDay() {
      // Given an event on 1 March: its window's last day is 8 March, closed at 00:00 on 9 March
      var held = publicity("held", at("2026-03-01T02:00:00Z"), "pe1", "2026-03-01");
      var closed = windowClosed("closed", "pe1", "2026-03-01", 0);

      // Then
      assertThat(closed.recordedAt()).isEqualTo(shanghai("2026-03-09T00:00"));
      assertThat(score(List.of(held, closed), day("2026-03-08")).score())
          .isEqualByComparingTo("100");
      assertThat(score(List.of(held, closed), day("2026-03-09")).score())
          .isEqualByComparingTo("99");
    }
  }

  @Nested
  class MonthlyReports {

    private ScoreFact submitted(String eventId, Instant at, String month, boolean late) {
      return ScoreFact.monthlyReport(
          eventId, ++position, at, "2026.c1." + month, YearMonth.parse(month), late);
    }

    private ScoreFact missed(String eventId, Instant at, String month) {
      return ScoreFact.deadlineMissed(
          eventId, ++position, at, "2026.c1." + month, ReportKind.MONTHLY, YearMonth.parse(month));
    }

    @Test
    void anOnTimeReportLosesNothing() {
      // Given
      var report = submitted("r", shanghai("2026-03-30T23:59"), "2026-03", false);

      // When
      Scorecard card = score(List.of(report), day("2026-04-30"));

      // Then
      assertThat(card.score()).isEqualByComparingTo("100");
      assertThat(card.reportsByMonth()).containsExactly(entry("2026-03", ReportState.ON_TIME));
    }

    @Test
    void aMissingReportLosesFivePointsFromTheDayAfterItsDueDay() {
      // Given March's report due on the 30th, missed at 00:00 on the 31st
      var missed = missed("m", shanghai("2026-03-31T00:00"), "2026-03");

      // Then
      assertThat(score(List.of(missed), day("2026-03-30")).score()).isEqualByComparingTo("100");
      Scorecard card = score(List.of(missed), day("2026-03-31"));
      assertThat(card.score()).isEqualByComparingTo("95");
      assertThat(card.lines())
          .contains(new ScoreLine(ScoreRule.REPORT_MISSING, points("-5"), "2026-03", List.of("m")));
      assertThat(card.reportsByMonth()).containsExactly(entry("2026-03", ReportState.MISSING));
    }

    @Test
    void aLateReportReplacesTheMissingOneFromItsTimestampOn() {
      // Given February's report missed at the end of 28 February, then in on 2 March
      var missed = missed("m", shanghai("2026-03-01T00:00"), "2026-02");
      var late = submitted("r", shanghai("2026-03-02T10:00"), "2026-02", true);
      List<ScoreFact> facts = List.of(missed, late);

      // Then nothing on the due day, missing the next day, late from the day it came in
      assertThat(score(facts, day("2026-02-28")).lines())
          .extracting(ScoreLine::rule)
          .containsExactly(ScoreRule.BASE);
      assertThat(score(facts, day("2026-03-01")).lines())
          .containsExactly(
              new ScoreLine(ScoreRule.BASE, points("100"), null, List.of("launch-event")),
              new ScoreLine(ScoreRule.REPORT_MISSING, points("-5"), "2026-02", List.of("m")));
      Scorecard afterwards = score(facts, day("2026-03-02"));
      assertThat(afterwards.lines())
          .containsExactly(
              new ScoreLine(ScoreRule.BASE, points("100"), null, List.of("launch-event")),
              new ScoreLine(ScoreRule.REPORT_LATE, points("-2"), "2026-02", List.of("r", "m")));
      assertThat(afterwards.score()).isEqualByComparingTo("98");
      assertThat(afterwards.reportsByMonth()).containsExactly(entry("2026-02", ReportState.LATE));
    }

    @Test
    void aLateReportWithoutARecordedDeadlineRestsOnItselfAlone() {
      // Given
      var late = submitted("r", shanghai("2026-04-02T10:00"), "2026-03", true);

      // When
      Scorecard card = score(List.of(late), day("2026-04-02"));

      // Then
      assertThat(linesOf(card, ScoreRule.REPORT_LATE))
          .containsExactly(
              new ScoreLine(ScoreRule.REPORT_LATE, points("-2"), "2026-03", List.of("r")));
    }

    @Test
    void eachMonthIsJudgedOnItsOwn() {
      // Given March late, April missing, May on time
      var march = submitted("r3", shanghai("2026-04-02T10:00"), "2026-03", true);
      var april = missed("m4", shanghai("2026-05-01T00:00"), "2026-04");
      var may = submitted("r5", shanghai("2026-05-20T10:00"), "2026-05", false);

      // When
      Scorecard card = score(List.of(march, april, may), day("2026-06-15"));

      // Then
      assertThat(card.score()).isEqualByComparingTo("93");
      assertThat(card.lines())
          .extracting(ScoreLine::rule, ScoreLine::period)
          .containsExactly(
              tuple(ScoreRule.BASE, null),
              tuple(ScoreRule.REPORT_LATE, "2026-03"),
              tuple(ScoreRule.REPORT_MISSING, "2026-04"));
    }

    @Test
    void yearEndReportsCarryNoPointsButAreShown() {
      // Given
      var missed =
          ScoreFact.deadlineMissed(
              "m",
              ++position,
              shanghai("2026-12-31T00:00"),
              "2026.c1.year-end",
              ReportKind.YEAR_END,
              null);
      var late =
          ScoreFact.yearEndReport(
              "r", ++position, shanghai("2027-01-03T10:00"), "2026.c1.year-end", true);

      // Then
      Scorecard missing = score(List.of(missed, late), day("2026-12-31"));
      assertThat(missing.score()).isEqualByComparingTo("100");
      assertThat(missing.yearEndReport()).isEqualTo(ReportState.MISSING);
      Scorecard in = score(List.of(missed, late), day("2027-01-03"));
      assertThat(in.score()).isEqualByComparingTo("100");
      assertThat(in.yearEndReport()).isEqualTo(ReportState.LATE);
      assertThat(in.lines()).extracting(ScoreLine::rule).containsExactly(ScoreRule.BASE);
    }
  }

  @Nested
  class Rectifications {

    @Test
    void anOverdueRectificationLosesThreePointsFromTheDayAfterItsDueDate() {
      // Given a rectification due on 15 April, overdue at 00:00 on 16 April
      var overdue =
          ScoreFact.rectificationOverdue("o", ++position, shanghai("2026-04-16T00:00"), "rect1");

      // Then, and a completion recorded later does not undo it (it is no fact of scoring)
      assertThat(score(List.of(overdue), day("2026-04-15")).score()).isEqualByComparingTo("100");
      Scorecard card = score(List.of(overdue), day("2026-04-16"));
      assertThat(card.score()).isEqualByComparingTo("97");
      assertThat(card.lines())
          .contains(
              new ScoreLine(ScoreRule.RECTIFICATION_OVERDUE, points("-3"), null, List.of("o")));
    }
  }

  @Nested
  class Leads {

    @Test
    void aLeadThePoliceFiledAsACaseAddsHalfAPoint() {
      // Given
      var filed = leadOutcome("o1", at("2026-03-05T02:00:00Z"), "l1", LeadOutcome.CASE_FILED);

      // When
      Scorecard card = score(List.of(filed), YEAR_END);

      // Then
      assertThat(card.score()).isEqualByComparingTo("100.5");
      assertThat(card.lines())
          .contains(new ScoreLine(ScoreRule.LEAD_CONFIRMED, points("0.5"), null, List.of("o1")));
    }

    @Test
    void onlyTheLatestOutcomeByTheDayCounts() {
      // Given l1 filed, then found a duplicate; l2 under investigation, then filed
      var filed1 = leadOutcome("o1", shanghai("2026-03-05T10:00"), "l1", LeadOutcome.CASE_FILED);
      var duplicate1 = leadOutcome("o2", shanghai("2026-03-08T10:00"), "l1", LeadOutcome.DUPLICATE);
      var investigating2 =
          leadOutcome("o3", shanghai("2026-03-05T11:00"), "l2", LeadOutcome.UNDER_INVESTIGATION);
      var filed2 = leadOutcome("o4", shanghai("2026-03-10T10:00"), "l2", LeadOutcome.CASE_FILED);
      List<ScoreFact> facts = List.of(filed1, duplicate1, investigating2, filed2);

      // Then
      assertThat(linesOf(score(facts, day("2026-03-07")), ScoreRule.LEAD_CONFIRMED))
          .extracting(ScoreLine::eventIds)
          .containsExactly(List.of("o1"));
      assertThat(linesOf(score(facts, day("2026-03-09")), ScoreRule.LEAD_CONFIRMED)).isEmpty();
      assertThat(linesOf(score(facts, day("2026-03-10")), ScoreRule.LEAD_CONFIRMED))
          .extracting(ScoreLine::eventIds)
          .containsExactly(List.of("o4"));
    }

    @Test
    void outcomesWithTheSameTimestampFollowTheLog() {
      // Given two outcomes of one lead stamped alike (a simulated clock standing still)
      Instant same = shanghai("2026-03-05T10:00");
      var filed = leadOutcome("zz-first", same, "l1", LeadOutcome.CASE_FILED);
      var invalid = leadOutcome("aa-second", same, "l1", LeadOutcome.INVALID);

      // Then the later in the log wins, whatever the event ids
      assertThat(linesOf(score(List.of(invalid, filed), YEAR_END), ScoreRule.LEAD_CONFIRMED))
          .isEmpty();
    }

    @Test
    void confirmedLeadsAreCappedAtThreePointsAYear() {
      // Given seven leads filed in 2026 and one in 2027
      List<ScoreFact> facts = new ArrayList<>();
      IntStream.rangeClosed(1, 7)
          .forEach(
              i ->
                  facts.add(
                      leadOutcome(
                          "o" + i,
                          at("2026-03-0" + i + "T02:00:00Z"),
                          "l" + i,
                          LeadOutcome.CASE_FILED)));
      facts.add(leadOutcome("o8", at("2027-01-05T02:00:00Z"), "l8", LeadOutcome.CASE_FILED));

      // When
      Scorecard card = score(facts, day("2027-01-05"));

      // Then six count in full, the seventh adds nothing, the next year starts afresh
      assertThat(linesOf(card, ScoreRule.LEAD_CONFIRMED))
          .extracting(ScoreLine::points)
          .containsExactly(
              points("0.5"),
              points("0.5"),
              points("0.5"),
              points("0.5"),
              points("0.5"),
              points("0.5"),
              points("0"),
              points("0.5"));
      assertThat(card.score()).isEqualByComparingTo("103.5");
    }
  }

  @Nested
  class CaseRate {

    private Scorecard withCases(int population, int cases, LocalDate day) {
      List<FraudCase> recorded = new ArrayList<>();
      IntStream.rangeClosed(1, cases)
          .forEach(i -> recorded.add(fraudCase("k" + i, at("2026-02-01T02:00:00Z"), "2026-01-15")));
      return ScoringRules.score(CAMPAIGN, new Community(population, List.of(), recorded), day);
    }

    @ParameterizedTest(name = "{1} cases in {0} residents deduct {2}")
    @CsvSource({
      "10000, 6, 0",
      "9999, 6, -3",
      "10000, 7, -3",
      "9999, 7, -6",
      "10000, 8, -6",
      "10000, 9, -10",
      "10000, 30, -10",
      "10000, 1, 0"
    })
    void theHighestThresholdStrictlyExceededDeductsItsPoints(
        int population, int cases, String deducted) {
      // When
      Scorecard card = withCases(population, cases, YEAR_END);

      // Then
      assertThat(card.score()).isEqualByComparingTo(points("100").add(points(deducted)));
      assertThat(linesOf(card, ScoreRule.CASE_RATE))
          .hasSize(points(deducted).signum() == 0 ? 0 : 1);
    }

    @Test
    void theLineNamesEveryCaseCounted() {
      // When
      Scorecard card = withCases(10000, 7, YEAR_END);

      // Then
      assertThat(linesOf(card, ScoreRule.CASE_RATE))
          .containsExactly(
              new ScoreLine(
                  ScoreRule.CASE_RATE,
                  points("-3"),
                  null,
                  List.of("e-k1", "e-k2", "e-k3", "e-k4", "e-k5", "e-k6", "e-k7")));
    }

    @Test
    void onlyCasesOfTheCampaignPeriodRecordedByTheDayCount() {
      // Given 7 cases per 10,000: one before the campaign, one recorded after the day
      List<FraudCase> cases = new ArrayList<>();
      IntStream.rangeClosed(1, 5)
          .forEach(i -> cases.add(fraudCase("k" + i, at("2026-02-01T02:00:00Z"), "2026-01-15")));
      cases.add(fraudCase("before", at("2026-02-01T02:00:00Z"), "2025-12-31"));
      cases.add(fraudCase("later", shanghai("2026-03-02T00:00"), "2026-02-20"));
      Community community = new Community(10000, List.of(), cases);

      // Then at most 6 count: no deduction
      assertThat(ScoringRules.score(CAMPAIGN, community, day("2026-12-31")).score())
          .isEqualByComparingTo("100");
      // And with one more case of the period recorded in time, 7 count
      cases.add(fraudCase("k6", at("2026-02-02T02:00:00Z"), "2026-02-01"));
      Community more = new Community(10000, List.of(), cases);
      assertThat(ScoringRules.score(CAMPAIGN, more, day("2026-03-01")).score())
          .isEqualByComparingTo("100");
      assertThat(ScoringRules.score(CAMPAIGN, more, day("2026-03-02")).score())
          .isEqualByComparingTo("97");
    }

    @Test
    void withoutAKnownPopulationThereIsNoCaseRate() {
      // Given
      List<FraudCase> cases = List.of(fraudCase("k1", at("2026-02-01T02:00:00Z"), "2026-01-15"));

      // Then
      assertThat(
              ScoringRules.score(CAMPAIGN, new Community(null, List.of(), cases), YEAR_END).lines())
          .extracting(ScoreLine::rule)
          .containsExactly(ScoreRule.BASE);
      assertThat(ScoringRules.score(CAMPAIGN, new Community(0, List.of(), cases), YEAR_END).lines())
          .extracting(ScoreLine::rule)
          .containsExactly(ScoreRule.BASE);
    }
  }

  @Nested
  class RulebookVersions {

    private final Rulebook stricter =
        new Rulebook(
            "street-2",
            points("100"),
            points("8"),
            points("1"),
            7,
            points("3"),
            points("10"),
            points("3"),
            points("5"),
            points("1"),
            points("3"),
            List.of(new CaseRateBand(points("5"), points("4"))),
            points("98"),
            points("92"));

    private RulebookAdoption adopted(Instant recordedAt, String effectiveFrom) {
      return new RulebookAdoption(stricter, day(effectiveFrom), "adopted", ++position, recordedAt);
    }

    @Test
    void anAdoptedRulebookAppliesFromItsEffectiveDayOn() {
      // Given adopted on 10 March, in force from 1 April; a penalty and March closed unused
      var penalty = penalty("p", at("2026-03-02T02:00:00Z"), "p1", "3");
      CampaignTerms campaign =
          campaign(
              List.of(closure("closed-03", "2026-03")),
              List.of(adopted(shanghai("2026-03-10T10:00"), "2026-04-01")));

      // When
      Scorecard before = score(campaign, List.of(penalty), day("2026-03-31"));
      Scorecard from = score(campaign, List.of(penalty), day("2026-04-01"));

      // Then the day before, the launch's rules; from then on the new ones, named on the base
      assertThat(before.rulebookVersion()).isEqualTo("default-1");
      assertThat(before.score()).isEqualByComparingTo("97");
      assertThat(before.grade()).isEqualTo(Grade.EXCELLENT);
      assertThat(from.rulebookVersion()).isEqualTo("street-2");
      assertThat(from.score()).isEqualByComparingTo("89");
      assertThat(from.grade()).isEqualTo(Grade.FAIL);
      assertThat(from.lines())
          .containsExactly(
              new ScoreLine(
                  ScoreRule.BASE, points("100"), null, List.of("launch-event", "adopted")),
              new ScoreLine(
                  ScoreRule.PUBLICITY_MONTH_MISSED, points("-8"), "2026-03", List.of("closed-03")),
              new ScoreLine(ScoreRule.PENALTY, points("-3"), null, List.of("p")));
    }

    @Test
    void anAdoptionCountsOnlyOnceRecorded() {
      // Given recorded on 5 April, in force from 1 April
      CampaignTerms campaign =
          campaign(List.of(), List.of(adopted(shanghai("2026-04-05T10:00"), "2026-04-01")));

      // Then
      assertThat(score(campaign, List.of(), day("2026-04-04")).rulebookVersion())
          .isEqualTo("default-1");
      assertThat(score(campaign, List.of(), day("2026-04-05")).rulebookVersion())
          .isEqualTo("street-2");
    }
  }

  @Test
  void scoreNeverGoesBelowZero() {
    // Given
    var huge = penalty("e1", at("2026-03-01T02:00:00Z"), "p1", "130");

    // When
    Scorecard card = score(List.of(huge), YEAR_END);

    // Then the line still says what was deducted, the score stops at zero
    assertThat(card.score()).isEqualByComparingTo("0");
    assertThat(card.grade()).isEqualTo(Grade.FAIL);
    assertThat(card.lines()).extracting(ScoreLine::points).contains(points("-130"));
  }

  @Test
  void linesAreGroupedByRuleInTheRulebooksOrder() {
    // Given facts recorded in another order than the rules
    var commended = commendation("k", at("2026-02-01T02:00:00Z"), "1");
    var penalty = penalty("p", at("2026-02-02T02:00:00Z"), "p1", "1");
    var overdue =
        ScoreFact.rectificationOverdue("o", ++position, at("2026-02-03T02:00:00Z"), "rect1");
    CampaignTerms campaign = campaign(List.of(closure("closed-02", "2026-02")), List.of());

    // When
    Scorecard card = score(campaign, List.of(commended, penalty, overdue), day("2026-03-01"));

    // Then
    assertThat(card.lines())
        .extracting(ScoreLine::rule)
        .containsExactly(
            ScoreRule.BASE,
            ScoreRule.PUBLICITY_MONTH_MISSED,
            ScoreRule.RECTIFICATION_OVERDUE,
            ScoreRule.PENALTY,
            ScoreRule.COMMENDATION);
    assertThat(card.score()).isEqualByComparingTo("92");
  }

  @ParameterizedTest(name = "{0} grades {1}")
  @CsvSource({"100, EXCELLENT", "95, EXCELLENT", "94.5, PASS", "90, PASS", "89.5, FAIL", "0, FAIL"})
  void gradesFollowTheRulebookThresholds(String score, Grade expected) {
    assertThat(ScoringRules.grade(points(score), Rulebook.defaultRules())).isEqualTo(expected);
  }

  @Test
  void aPenaltyOfFivePointsLandsExactlyOnTheExcellentBoundary() {
    // Given
    var penalty = penalty("e1", at("2026-03-01T02:00:00Z"), "p1", "5");
    var another = penalty("e2", at("2026-03-02T02:00:00Z"), "p2", "0.5");

    // Then
    assertThat(score(List.of(penalty), YEAR_END).grade()).isEqualTo(Grade.EXCELLENT);
    assertThat(score(List.of(penalty, another), YEAR_END).grade()).isEqualTo(Grade.PASS);
  }

  @Test
  void asOfCountsOnlyFactsRecordedByTheEndOfThatDayInShanghai() {
    // Given one penalty at 23:59:59 Shanghai on 10 March and one at 00:00 on 11 March
    var lastSecond = penalty("e1", at("2026-03-10T15:59:59Z"), "p1", "2");
    var nextDay = penalty("e2", at("2026-03-10T16:00:00Z"), "p2", "3");

    // Then
    assertThat(score(List.of(lastSecond, nextDay), day("2026-03-10")).score())
        .isEqualByComparingTo("98");
    assertThat(score(List.of(lastSecond, nextDay), day("2026-03-11")).score())
        .isEqualByComparingTo("95");
  }

  @Test
  void equalScoresShareARankAndTheNextCountsEveryoneAbove() {
    assertThat(
            ScoringRules.ranks(List.of(points("100"), points("98"), points("98.0"), points("90"))))
        .containsExactly(1, 2, 2, 4);
  }

  @Test
  void pointsAreShownPlainWithoutTrailingZeros() {
    assertThat(ScoringRules.plain(points("100.00")).toString()).isEqualTo("100");
    assertThat(ScoringRules.plain(points("0.50")).toString()).isEqualTo("0.5");
  }
}
