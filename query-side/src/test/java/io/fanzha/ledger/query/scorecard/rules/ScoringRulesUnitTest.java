package io.fanzha.ledger.query.scorecard.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;
import static org.assertj.core.api.Assertions.tuple;

import io.fanzha.ledger.events.Rulebook;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ScoringRulesUnitTest {

  private static final CampaignTerms CAMPAIGN =
      new CampaignTerms(
          "2026",
          Rulebook.defaultRules(),
          LocalDate.parse("2026-01-01"),
          "launch-event",
          Instant.parse("2025-12-20T02:00:00Z"));

  private static Instant at(String instant) {
    return Instant.parse(instant);
  }

  private static BigDecimal points(String value) {
    return new BigDecimal(value);
  }

  @Test
  void aCommunityWithoutFactsKeepsTheBaseRestingOnTheLaunchEvent() {
    // When
    Scorecard card = ScoringRules.score(CAMPAIGN, List.of(), null);

    // Then
    assertThat(card.score()).isEqualByComparingTo("100");
    assertThat(card.grade()).isEqualTo(Grade.EXCELLENT);
    assertThat(card.rulebookVersion()).isEqualTo("default-1");
    assertThat(card.lines())
        .containsExactly(
            new ScoreLine(ScoreRule.BASE, points("100"), null, List.of("launch-event")));
  }

  @Test
  void penaltyDeductsItsPoints() {
    // Given
    var penalty = ScoreFact.penalty("e1", at("2026-03-01T02:00:00Z"), "p1", points("5"));

    // When
    Scorecard card = ScoringRules.score(CAMPAIGN, List.of(penalty), null);

    // Then
    assertThat(card.score()).isEqualByComparingTo("95");
    assertThat(card.lines())
        .contains(new ScoreLine(ScoreRule.PENALTY, points("-5"), null, List.of("e1")));
  }

  @Test
  void revokedPenaltyNoLongerDeducts() {
    // Given
    var penalty = ScoreFact.penalty("e1", at("2026-03-01T02:00:00Z"), "p1", points("5"));
    var revocation = ScoreFact.revocation("e2", at("2026-03-05T02:00:00Z"), "p1");

    // When
    Scorecard card = ScoringRules.score(CAMPAIGN, List.of(penalty, revocation), null);

    // Then
    assertThat(card.score()).isEqualByComparingTo("100");
    assertThat(card.lines()).extracting(ScoreLine::rule).containsExactly(ScoreRule.BASE);
  }

  @Test
  void commendationsBeyondTheYearlyCapAddOnlyWhatIsLeftOfIt() {
    // Given the default cap of 5 a year
    var first = ScoreFact.commendation("e1", at("2026-02-01T02:00:00Z"), "k1", points("3"));
    var second = ScoreFact.commendation("e2", at("2026-04-01T02:00:00Z"), "k2", points("4"));
    var third = ScoreFact.commendation("e3", at("2026-06-01T02:00:00Z"), "k3", points("1"));

    // When given out of order
    Scorecard card = ScoringRules.score(CAMPAIGN, List.of(third, second, first), null);

    // Then the later ones are capped
    assertThat(card.score()).isEqualByComparingTo("105");
    assertThat(card.lines())
        .filteredOn(l -> l.rule() == ScoreRule.COMMENDATION)
        .extracting(ScoreLine::points, ScoreLine::eventIds)
        .containsExactly(
            tuple(points("3"), List.of("e1")),
            tuple(points("2"), List.of("e2")),
            tuple(points("0"), List.of("e3")));
  }

  @Test
  void theCommendationCapStartsAfreshInTheNextCampaignYear() {
    // Given a full cap in the first year and one more commendation a year later
    var first = ScoreFact.commendation("e1", at("2026-02-01T02:00:00Z"), "k1", points("5"));
    var nextYear = ScoreFact.commendation("e2", at("2027-01-02T02:00:00Z"), "k2", points("2"));

    // When
    Scorecard card = ScoringRules.score(CAMPAIGN, List.of(first, nextYear), null);

    // Then
    assertThat(card.score()).isEqualByComparingTo("107");
  }

  @Test
  void scoreNeverGoesBelowZero() {
    // Given
    var huge = ScoreFact.penalty("e1", at("2026-03-01T02:00:00Z"), "p1", points("130"));

    // When
    Scorecard card = ScoringRules.score(CAMPAIGN, List.of(huge), null);

    // Then the line still says what was deducted, the score stops at zero
    assertThat(card.score()).isEqualByComparingTo("0");
    assertThat(card.grade()).isEqualTo(Grade.FAIL);
    assertThat(card.lines()).extracting(ScoreLine::points).contains(points("-130"));
  }

  @ParameterizedTest(name = "{0} grades {1}")
  @CsvSource({"100, EXCELLENT", "95, EXCELLENT", "94.5, PASS", "90, PASS", "89.5, FAIL", "0, FAIL"})
  void gradesFollowTheRulebookThresholds(String score, Grade expected) {
    assertThat(ScoringRules.grade(points(score), Rulebook.defaultRules())).isEqualTo(expected);
  }

  @Test
  void aPenaltyOfFivePointsLandsExactlyOnTheExcellentBoundary() {
    // Given
    var penalty = ScoreFact.penalty("e1", at("2026-03-01T02:00:00Z"), "p1", points("5"));
    var another = ScoreFact.penalty("e2", at("2026-03-02T02:00:00Z"), "p2", points("0.5"));

    // Then
    assertThat(ScoringRules.score(CAMPAIGN, List.of(penalty), null).grade())
        .isEqualTo(Grade.EXCELLENT);
    assertThat(ScoringRules.score(CAMPAIGN, List.of(penalty, another), null).grade())
        .isEqualTo(Grade.PASS);
  }

  @Test
  void asOfCountsOnlyFactsRecordedByTheEndOfThatDayInShanghai() {
    // Given one penalty at 23:59:59 Shanghai on 10 March and one at 00:00 on 11 March
    var lastSecond = ScoreFact.penalty("e1", at("2026-03-10T15:59:59Z"), "p1", points("2"));
    var nextDay = ScoreFact.penalty("e2", at("2026-03-10T16:00:00Z"), "p2", points("3"));

    // When
    Scorecard asOf =
        ScoringRules.score(CAMPAIGN, List.of(lastSecond, nextDay), LocalDate.parse("2026-03-10"));
    Scorecard now = ScoringRules.score(CAMPAIGN, List.of(lastSecond, nextDay), null);

    // Then
    assertThat(asOf.score()).isEqualByComparingTo("98");
    assertThat(now.score()).isEqualByComparingTo("95");
  }

  @Test
  void aRevocationAfterAsOfLeavesThePenaltyCounting() {
    // Given
    var penalty = ScoreFact.penalty("e1", at("2026-03-01T02:00:00Z"), "p1", points("5"));
    var revocation = ScoreFact.revocation("e2", at("2026-03-20T02:00:00Z"), "p1");

    // When
    Scorecard before =
        ScoringRules.score(CAMPAIGN, List.of(penalty, revocation), LocalDate.parse("2026-03-19"));
    Scorecard after =
        ScoringRules.score(CAMPAIGN, List.of(penalty, revocation), LocalDate.parse("2026-03-20"));

    // Then
    assertThat(before.score()).isEqualByComparingTo("95");
    assertThat(after.score()).isEqualByComparingTo("100");
  }

  @Test
  void publicityEventsAreCountedByTheMonthTheyWereHeld() {
    // Given two events held in March, one in April (recorded in May), one recorded after asOf
    var march1 =
        ScoreFact.publicityEvent(
            "e1", at("2026-03-02T02:00:00Z"), "pe1", LocalDate.parse("2026-03-01"));
    var march2 =
        ScoreFact.publicityEvent(
            "e2", at("2026-03-20T02:00:00Z"), "pe2", LocalDate.parse("2026-03-19"));
    var april =
        ScoreFact.publicityEvent(
            "e3", at("2026-05-02T02:00:00Z"), "pe3", LocalDate.parse("2026-04-30"));
    var late =
        ScoreFact.publicityEvent(
            "e4", at("2026-06-02T02:00:00Z"), "pe4", LocalDate.parse("2026-03-31"));

    // When
    Scorecard card =
        ScoringRules.score(
            CAMPAIGN, List.of(march1, march2, april, late), LocalDate.parse("2026-05-31"));

    // Then
    assertThat(card.publicityEventsByMonth())
        .containsExactly(entry("2026-03", 2), entry("2026-04", 1));
    assertThat(card.score()).isEqualByComparingTo("100");
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
