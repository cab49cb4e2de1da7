package io.fanzha.ledger.command.report;

import static io.fanzha.ledger.command.recording.KnownFacts.as;
import static io.fanzha.ledger.command.recording.KnownFacts.eastStaff;

import io.fanzha.ledger.command.recording.ForeignUnit;
import io.fanzha.ledger.command.recording.IdAlreadyUsed;
import io.fanzha.ledger.command.recording.KnownFacts;
import io.fanzha.ledger.command.recording.RuleBroken;
import io.fanzha.ledger.command.recording.UnknownReference;
import io.fanzha.ledger.events.MonthlyReportSubmitted;
import io.fanzha.ledger.events.ReportDeadlineMissed;
import io.fanzha.ledger.events.ReportKind;
import io.fanzha.ledger.events.ReportStatistics;
import io.fanzha.ledger.events.Role;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class MonthlyReportAggregateTest {

  static final ReportStatistics STATS = new ReportStatistics(2, 150, 300, 10, 0, 1, 40, 1);
  static final String FEB_ID = "y2026.east.2026-02";

  private AggregateTestFixture<MonthlyReport> fixture;

  @BeforeEach
  void setUp() {
    fixture = new AggregateTestFixture<>(MonthlyReport.class);
    fixture.registerInjectableResource(KnownFacts.references());
    fixture.registerInjectableResource(KnownFacts.FIXTURE_TIME);
  }

  static Instant shanghai(String localDateTime) {
    return OffsetDateTime.parse(localDateTime + "+08:00").toInstant();
  }

  static SubmitMonthlyReport february(ReportStatistics stats) {
    return new SubmitMonthlyReport("y2026", "east", YearMonth.of(2026, 2), stats, "二月小结");
  }

  static MonthlyReportSubmitted februaryReport(boolean late) {
    return new MonthlyReportSubmitted(
        FEB_ID,
        "y2026",
        "east",
        YearMonth.of(2026, 2),
        STATS,
        "二月小结",
        LocalDate.of(2026, 2, 28),
        late);
  }

  static ReportDeadlineMissed februaryMissed() {
    return new ReportDeadlineMissed(
        FEB_ID,
        "y2026",
        "east",
        ReportKind.MONTHLY,
        YearMonth.of(2026, 2),
        LocalDate.of(2026, 2, 28));
  }

  @Test
  void aReportOnTheLastMinuteOfFebruarysDueDayIsOnTime() {
    // due day 30 does not exist in February: the month's last day is the due day
    fixture
        .givenCurrentTime(shanghai("2026-02-28T23:59:59"))
        .when(february(STATS), eastStaff())
        .expectEvents(februaryReport(false))
        .expectResultMessagePayload(
            new SubmissionReceipt(FEB_ID, shanghai("2026-02-28T23:59:59"), false));
  }

  @Test
  void aReportAtMidnightAfterTheDueDayIsLate() {
    fixture
        .givenCurrentTime(shanghai("2026-03-01T00:00:00"))
        .when(february(STATS), eastStaff())
        .expectEvents(februaryReport(true));
  }

  @Test
  void submittingTheSameReportAgainAnswersAsBeforeAndRecordsNothing() {
    fixture
        .givenCurrentTime(shanghai("2026-02-20T10:00:00"))
        .andGiven(februaryReport(false))
        .when(february(STATS), eastStaff())
        .expectNoEvents()
        .expectResultMessagePayload(
            new SubmissionReceipt(FEB_ID, shanghai("2026-02-20T10:00:00"), false));
  }

  @Test
  void otherNumbersForAReportAlreadyInAreAConflict() {
    fixture
        .given(februaryReport(false))
        .when(february(new ReportStatistics(3, 150, 300, 10, 0, 1, 40, 1)), eastStaff())
        .expectException(IdAlreadyUsed.class);
  }

  @Test
  void aReportCannotComeInBeforeItsMonthBegins() {
    fixture
        .givenCurrentTime(shanghai("2026-01-31T23:00:00"))
        .when(february(STATS), eastStaff())
        .expectException(RuleBroken.class);
  }

  @Test
  void aMonthOutsideTheCampaignIsRefused() {
    fixture
        .givenCurrentTime(shanghai("2026-06-01T10:00:00"))
        .when(
            new SubmitMonthlyReport("y2026", "east", YearMonth.of(2025, 12), STATS, null),
            eastStaff())
        .expectException(RuleBroken.class);
  }

  @Test
  void anotherUnitsAccountIsRefused() {
    fixture
        .when(february(STATS), as("west-staff", Role.COMMUNITY, "west"))
        .expectException(ForeignUnit.class);
  }

  @Test
  void anUnknownCampaignIsRefused() {
    fixture
        .when(
            new SubmitMonthlyReport("y1999", "east", YearMonth.of(2026, 2), STATS, null),
            eastStaff())
        .expectException(UnknownReference.class);
  }

  @Test
  void theDeadlineRecordsAMissingReport() {
    fixture
        .givenNoPriorActivity()
        .when(
            new MarkReportDeadline(
                "y2026", "east", YearMonth.of(2026, 2), LocalDate.of(2026, 2, 28)))
        .expectEvents(februaryMissed());
  }

  @Test
  void theDeadlineRecordsNothingWhenTheReportCameInTime() {
    fixture
        .givenCurrentTime(shanghai("2026-02-27T09:00:00"))
        .andGiven(februaryReport(false))
        .when(
            new MarkReportDeadline(
                "y2026", "east", YearMonth.of(2026, 2), LocalDate.of(2026, 2, 28)))
        .expectNoEvents();
  }

  @Test
  void theDeadlineFiresOnce() {
    fixture
        .given(februaryMissed())
        .when(
            new MarkReportDeadline(
                "y2026", "east", YearMonth.of(2026, 2), LocalDate.of(2026, 2, 28)))
        .expectNoEvents();
  }

  @Test
  void aReportAfterTheDeadlineFiredIsRecordedAsLate() {
    fixture
        .givenCurrentTime(shanghai("2026-03-05T09:00:00"))
        .andGiven(februaryMissed())
        .when(february(STATS), eastStaff())
        .expectEvents(februaryReport(true));
  }
}
