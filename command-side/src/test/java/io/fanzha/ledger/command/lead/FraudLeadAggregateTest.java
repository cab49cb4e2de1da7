package io.fanzha.ledger.command.lead;

import static io.fanzha.ledger.command.recording.KnownFacts.as;
import static io.fanzha.ledger.command.recording.KnownFacts.eastStaff;

import io.fanzha.ledger.command.recording.ForeignUnit;
import io.fanzha.ledger.command.recording.IdAlreadyUsed;
import io.fanzha.ledger.command.recording.KnownFacts;
import io.fanzha.ledger.command.recording.RuleBroken;
import io.fanzha.ledger.command.recording.UnknownReference;
import io.fanzha.ledger.events.FraudCategory;
import io.fanzha.ledger.events.FraudLeadReported;
import io.fanzha.ledger.events.LeadAcknowledged;
import io.fanzha.ledger.events.LeadEscalated;
import io.fanzha.ledger.events.LeadOutcome;
import io.fanzha.ledger.events.LeadOutcomeRecorded;
import io.fanzha.ledger.events.Reporter;
import io.fanzha.ledger.events.ReporterContactDisclosed;
import io.fanzha.ledger.events.Role;
import io.fanzha.ledger.events.Suspect;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.matchers.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class FraudLeadAggregateTest {

  private AggregateTestFixture<FraudLead> fixture;

  @BeforeEach
  void setUp() {
    fixture = new AggregateTestFixture<>(FraudLead.class);
    fixture.registerInjectableResource(KnownFacts.references());
    fixture.registerInjectableResource(KnownFacts.NOW);
  }

  private static ReportFraudLead report(
      String unit, String campaign, LocalDate on, String summary) {
    return new ReportFraudLead(
        "lead1",
        unit,
        campaign,
        on,
        FraudCategory.ORDER_BRUSHING,
        summary,
        new Suspect(List.of("13800000000"), List.of(), List.of("http://shua.example")),
        new Reporter("张三", "13900000000"));
  }

  private static ReportFraudLead valid() {
    return report("east", "y2026", LocalDate.of(2026, 6, 14), "走访发现刷单群");
  }

  private static FraudLeadReported reported() {
    return new FraudLeadReported(
        "lead1",
        "east",
        "y2026",
        LocalDate.of(2026, 6, 14),
        FraudCategory.ORDER_BRUSHING,
        "走访发现刷单群",
        new Suspect(List.of("13800000000"), List.of(), List.of("http://shua.example")),
        new Reporter("张三", "13900000000"));
  }

  @Test
  void aUnitReportsALead() {
    fixture.givenNoPriorActivity().when(valid(), eastStaff()).expectEvents(reported());
  }

  @Test
  void aLeadNeedsNoCampaign() {
    fixture
        .givenNoPriorActivity()
        .when(report("east", null, LocalDate.of(2026, 6, 14), "走访发现刷单群"), eastStaff())
        .expectSuccessfulHandlerExecution();
  }

  @Test
  void anotherUnitsAccountIsRefused() {
    fixture
        .givenNoPriorActivity()
        .when(valid(), as("bank-staff", Role.PARTNER, "bank"))
        .expectException(ForeignUnit.class);
  }

  @Test
  void reportingTheSameLeadAgainRecordsNothing() {
    fixture.given(reported()).when(valid(), eastStaff()).expectNoEvents();
  }

  @Test
  void theSameIdWithOtherDataIsRefused() {
    fixture
        .given(reported())
        .when(report("east", "y2026", LocalDate.of(2026, 6, 14), "另一条"), eastStaff())
        .expectException(IdAlreadyUsed.class);
  }

  @Test
  void anUnknownCampaignIsRefused() {
    fixture
        .givenNoPriorActivity()
        .when(report("east", "y1999", LocalDate.of(2026, 6, 14), "x"), eastStaff())
        .expectException(UnknownReference.class);
  }

  @Test
  void anUnknownReportingUnitIsRefused() {
    fixture
        .givenNoPriorActivity()
        .when(
            report("ghost", "y2026", LocalDate.of(2026, 6, 14), "x"),
            as("g", Role.COMMUNITY, "ghost"))
        .expectException(UnknownReference.class);
  }

  @Test
  void aLeadFromTheFutureIsRefused() {
    fixture
        .givenNoPriorActivity()
        .when(report("east", "y2026", LocalDate.of(2026, 6, 16), "x"), eastStaff())
        .expectException(RuleBroken.class);
  }

  @Test
  void thePoliceRecordAnOutcomeAndItMayMoveOn() {
    fixture
        .given(
            reported(),
            new LeadOutcomeRecorded(
                "lead1", "east", "y2026", LeadOutcome.UNDER_INVESTIGATION, "已立线索"))
        .when(new RecordLeadOutcome("lead1", LeadOutcome.CASE_FILED, "已立案"))
        .expectEvents(
            new LeadOutcomeRecorded("lead1", "east", "y2026", LeadOutcome.CASE_FILED, "已立案"));
  }

  @Test
  void repeatingTheLastOutcomeRecordsNothing() {
    fixture
        .given(
            reported(),
            new LeadOutcomeRecorded("lead1", "east", "y2026", LeadOutcome.CASE_FILED, "已立案"))
        .when(new RecordLeadOutcome("lead1", LeadOutcome.CASE_FILED, "已立案"))
        .expectNoEvents();
  }

  private static final Instant REPORTED_AT = Instant.parse("2026-06-14T02:00:00Z");
  private static final Instant ACKNOWLEDGE_BY = REPORTED_AT.plus(Duration.ofHours(48));
  private static final LeadAcknowledged ACKNOWLEDGED =
      new LeadAcknowledged("lead1", "east", "y2026");

  @Test
  void thePoliceAcknowledgeALeadOnce() {
    fixture
        .given(reported())
        .when(new AcknowledgeLead("lead1"))
        .expectEvents(ACKNOWLEDGED)
        .expectResultMessagePayload(true);
  }

  @Test
  void acknowledgingAgainRecordsNothing() {
    fixture
        .given(reported(), ACKNOWLEDGED)
        .when(new AcknowledgeLead("lead1"))
        .expectNoEvents()
        .expectResultMessagePayload(false);
  }

  @Test
  void aLeadWithAnOutcomeIsAlreadyHeldSoAcknowledgingRecordsNothing() {
    fixture
        .given(
            reported(),
            new LeadOutcomeRecorded("lead1", "east", "y2026", LeadOutcome.INVALID, "无效"))
        .when(new AcknowledgeLead("lead1"))
        .expectNoEvents()
        .expectResultMessagePayload(false);
  }

  @Test
  void acknowledgingAnUnknownLeadIsRefused() {
    fixture
        .givenNoPriorActivity()
        .when(new AcknowledgeLead("ghost"))
        .expectException(org.axonframework.modelling.command.AggregateNotFoundException.class);
  }

  @Test
  void aLeadNeitherAcknowledgedNorGivenAnOutcomeIsEscalatedWhenItsWindowEnds() {
    fixture
        .givenCurrentTime(REPORTED_AT)
        .andGiven(reported())
        .when(new EscalateLead("lead1", ACKNOWLEDGE_BY))
        .expectEvents(new LeadEscalated("lead1", "east", "y2026", ACKNOWLEDGE_BY));
  }

  @Test
  void aLeadIsEscalatedOnlyOnce() {
    fixture
        .givenCurrentTime(REPORTED_AT)
        .andGiven(reported(), new LeadEscalated("lead1", "east", "y2026", ACKNOWLEDGE_BY))
        .when(new EscalateLead("lead1", ACKNOWLEDGE_BY))
        .expectNoEvents();
  }

  @Test
  void aLeadAcknowledgedInTimeIsNeverEscalated() {
    fixture
        .givenCurrentTime(REPORTED_AT)
        .andGiven(reported())
        .andGivenCurrentTime(REPORTED_AT.plus(Duration.ofHours(20)))
        .andGiven(ACKNOWLEDGED)
        .when(new EscalateLead("lead1", ACKNOWLEDGE_BY))
        .expectNoEvents();
  }

  @Test
  void aLeadGivenAnOutcomeInTimeIsNeverEscalated() {
    fixture
        .givenCurrentTime(REPORTED_AT)
        .andGiven(reported())
        .andGivenCurrentTime(REPORTED_AT.plus(Duration.ofHours(47)))
        .andGiven(
            new LeadOutcomeRecorded(
                "lead1", "east", "y2026", LeadOutcome.UNDER_INVESTIGATION, "核查中"))
        .when(new EscalateLead("lead1", ACKNOWLEDGE_BY))
        .expectNoEvents();
  }

  @Test
  void anAcknowledgementAfterTheWindowDoesNotPreventTheEscalation() {
    fixture
        .givenCurrentTime(REPORTED_AT)
        .andGiven(reported())
        .andGivenCurrentTime(REPORTED_AT.plus(Duration.ofHours(49)))
        .andGiven(ACKNOWLEDGED)
        .when(new EscalateLead("lead1", ACKNOWLEDGE_BY))
        .expectEvents(new LeadEscalated("lead1", "east", "y2026", ACKNOWLEDGE_BY));
  }

  @Test
  void anEscalatedLeadCanStillBeAcknowledged() {
    fixture
        .given(reported(), new LeadEscalated("lead1", "east", "y2026", ACKNOWLEDGE_BY))
        .when(new AcknowledgeLead("lead1"))
        .expectEvents(ACKNOWLEDGED);
  }

  @Test
  void thePoliceAreGivenTheReportersContactAndEveryDisclosureIsRecorded() {
    fixture
        .given(reported(), new ReporterContactDisclosed("lead1", "east", "y2026"))
        .when(new DiscloseReporterContact("lead1"))
        .expectEvents(new ReporterContactDisclosed("lead1", "east", "y2026"))
        .expectResultMessagePayload(new Reporter("张三", "13900000000"));
  }

  @Test
  void aLeadWithoutAReporterHasNoContactToDiscloseAndRecordsNothing() {
    fixture
        .given(
            new FraudLeadReported(
                "lead1",
                "east",
                "y2026",
                LocalDate.of(2026, 6, 14),
                FraudCategory.ORDER_BRUSHING,
                "走访发现刷单群",
                new Suspect(List.of("13800000000"), List.of(), List.of()),
                null))
        .when(new DiscloseReporterContact("lead1"))
        .expectNoEvents()
        .expectException(NoReporter.class);
  }

  @Test
  void theReportersContactIsNotInTheDisclosureEvent() {
    fixture
        .given(reported())
        .when(new DiscloseReporterContact("lead1"))
        .expectEventsMatching(
            Matchers.payloadsMatching(
                Matchers.exactSequenceOf(
                    Matchers.matches(
                        p -> !p.toString().contains("张三") && !p.toString().contains("139")),
                    Matchers.andNoMore())));
  }
}
