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
import io.fanzha.ledger.events.LeadOutcome;
import io.fanzha.ledger.events.LeadOutcomeRecorded;
import io.fanzha.ledger.events.Reporter;
import io.fanzha.ledger.events.Role;
import io.fanzha.ledger.events.Suspect;
import java.time.LocalDate;
import java.util.List;
import org.axonframework.test.aggregate.AggregateTestFixture;
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
}
