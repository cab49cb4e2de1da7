package io.fanzha.ledger.query.audit;

import static io.fanzha.ledger.query.support.Events.by;
import static io.fanzha.ledger.query.support.Events.tracked;
import static org.assertj.core.api.Assertions.assertThat;

import io.fanzha.ledger.events.CampaignLaunched;
import io.fanzha.ledger.events.CampaignMonthClosed;
import io.fanzha.ledger.events.CampaignTaskDefined;
import io.fanzha.ledger.events.EvidenceWindowClosed;
import io.fanzha.ledger.events.FraudCaseRecorded;
import io.fanzha.ledger.events.FraudCategory;
import io.fanzha.ledger.events.FraudLeadReported;
import io.fanzha.ledger.events.InspectionConducted;
import io.fanzha.ledger.events.InspectionKind;
import io.fanzha.ledger.events.InspectionRating;
import io.fanzha.ledger.events.LeadOutcome;
import io.fanzha.ledger.events.LeadOutcomeRecorded;
import io.fanzha.ledger.events.MonthlyReportSubmitted;
import io.fanzha.ledger.events.PenaltyReason;
import io.fanzha.ledger.events.RectificationCompleted;
import io.fanzha.ledger.events.RectificationOrdered;
import io.fanzha.ledger.events.RectificationOverdue;
import io.fanzha.ledger.events.ReportDeadlineMissed;
import io.fanzha.ledger.events.ReportKind;
import io.fanzha.ledger.events.ReportStatistics;
import io.fanzha.ledger.events.Reporter;
import io.fanzha.ledger.events.Rulebook;
import io.fanzha.ledger.events.ScoringRulesAdopted;
import io.fanzha.ledger.events.Suspect;
import io.fanzha.ledger.events.TargetGroup;
import io.fanzha.ledger.events.TaskRecurrence;
import io.fanzha.ledger.events.UnitKind;
import io.fanzha.ledger.events.UnitPenalized;
import io.fanzha.ledger.events.UnitRegistered;
import io.fanzha.ledger.events.YearEndReportSubmitted;
import io.fanzha.ledger.query.support.ReadModelStore;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.EventMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AuditProjectionTest {

  private static final Map<String, String> STREET = by("street", "STREET_OFFICE", null);
  private static final Map<String, String> COMMUNITY = by("c1-staff", "COMMUNITY", "c1");

  private static ReadModelStore store;
  private AnnotationEventHandlerAdapter projection;
  private AuditTrail trail;

  @BeforeAll
  static void startStore() {
    store = ReadModelStore.start();
  }

  @AfterAll
  static void stopStore() {
    store.close();
  }

  @BeforeEach
  void freshReadModel() {
    store.dropAll();
    projection = new AnnotationEventHandlerAdapter(new AuditProjection(store.template()));
    trail = new AuditTrail(store.template());
  }

  private static EventMessage<UnitRegistered> registered(long position, String unit, String at) {
    return tracked(
        position,
        "Unit",
        "unit:" + unit,
        0,
        new UnitRegistered(unit, unit + " 社区", UnitKind.COMMUNITY, "s1", 8000),
        Instant.parse(at),
        STREET);
  }

  private static EventMessage<UnitPenalized> penalized(long position, String unit, String at) {
    return tracked(
        position,
        "Penalty",
        "penalty:p" + position,
        0,
        new UnitPenalized(
            "p" + position,
            "2026",
            unit,
            new BigDecimal("2.5"),
            PenaltyReason.LATE_MATERIALS,
            "late",
            List.of("e0")),
        Instant.parse(at),
        STREET);
  }

  private static EventMessage<FraudLeadReported> leadReported(long position, String at) {
    return tracked(
        position,
        "FraudLead",
        "lead:l1",
        0,
        new FraudLeadReported(
            "l1",
            "c1",
            null,
            LocalDate.parse("2026-03-01"),
            FraudCategory.ONLINE_LOAN,
            "loan app",
            new Suspect(List.of("13800000000"), null, null),
            new Reporter("李四", "13911112222")),
        Instant.parse(at),
        COMMUNITY);
  }

  @Test
  void anEventIsRecordedWithItsPositionResourceAndMetadata() throws Exception {
    // When
    EventMessage<?> event = penalized(42, "c1", "2026-03-01T02:00:00Z");
    projection.handle(event);

    // Then
    AuditEntry entry = store.template().findById(event.getIdentifier(), AuditEntry.class);
    assertThat(entry.position()).isEqualTo(42);
    assertThat(entry.type()).isEqualTo("UnitPenalized");
    assertThat(entry.aggregateId()).isEqualTo("p42");
    assertThat(entry.aggregateType()).isEqualTo("Penalty");
    assertThat(entry.sequence()).isZero();
    assertThat(entry.occurredAt()).isEqualTo(Instant.parse("2026-03-01T02:00:00Z"));
    assertThat(entry.actor()).isEqualTo("street");
    assertThat(entry.role()).isEqualTo("STREET_OFFICE");
    assertThat(entry.unitId()).isNull();
    assertThat(entry.requestId()).isEqualTo("req-street");
    assertThat(entry.clientAddress()).isEqualTo("127.0.0.1");
    assertThat(entry.unitIds()).containsExactly("c1");
    AuditItem item = AuditItem.of(entry);
    assertThat(item.payload())
        .containsEntry("penaltyId", "p42")
        .containsEntry("points", new BigDecimal("2.5"))
        .containsEntry("reasonCode", "LATE_MATERIALS")
        .containsEntry("basisEventIds", List.of("e0"));
  }

  @Test
  void aLeadsReporterIsWithheldFromTheAuditTrail() throws Exception {
    // When
    projection.handle(leadReported(1, "2026-03-01T02:00:00Z"));

    // Then
    String stored = store.raw(AuditEntry.COLLECTION).get(0).toJson();
    assertThat(stored).doesNotContain("李四", "13911112222");
    assertThat(stored).contains("\"reporter\": \"withheld\"");
  }

  @Test
  void theSameEventTwiceChangesNothing() throws Exception {
    // Given
    EventMessage<?> event = penalized(1, "c1", "2026-03-01T02:00:00Z");
    projection.handle(event);
    var before = store.raw(AuditEntry.COLLECTION);

    // When
    projection.handle(event);

    // Then
    assertThat(store.raw(AuditEntry.COLLECTION)).isEqualTo(before).hasSize(1);
  }

  @Test
  void theUnitFilterFindsEventsAboutTheUnitAndEventsByItsAccounts() throws Exception {
    // Given c1 registered by the street, a lead by c1's staff, and a penalty on c2
    projection.handle(registered(1, "c1", "2026-01-01T02:00:00Z"));
    projection.handle(leadReported(2, "2026-03-01T02:00:00Z"));
    projection.handle(penalized(3, "c2", "2026-03-02T02:00:00Z"));
    projection.handle(
        tracked(
            4,
            "Campaign",
            "campaign:2026",
            0,
            new CampaignLaunched(
                "2026",
                "t",
                "s1",
                LocalDate.parse("2026-01-01"),
                LocalDate.parse("2026-12-31"),
                30,
                LocalDate.parse("2026-12-30"),
                List.of("c2"),
                null,
                Rulebook.defaultRules()),
            Instant.parse("2026-01-02T02:00:00Z"),
            STREET));

    // When
    AuditPage forC1 =
        trail.page(AuditFilter.parse("c1", null, null, null, null, null, null, null), 0, 50);
    AuditPage forC2 =
        trail.page(AuditFilter.parse("c2", null, null, null, null, null, null, null), 0, 50);

    // Then
    assertThat(forC1.items())
        .extracting(AuditItem::type)
        .containsExactly("UnitRegistered", "FraudLeadReported");
    assertThat(forC2.items())
        .extracting(AuditItem::type)
        .containsExactly("UnitPenalized", "CampaignLaunched");
  }

  @Test
  void pagesFollowTheLogOrderAndCountEveryMatch() throws Exception {
    // Given five events handled out of log order
    for (long position : new long[] {5, 3, 1, 4, 2}) {
      projection.handle(
          registered(position, "c" + position, "2026-01-0" + position + "T02:00:00Z"));
    }

    // When
    AuditPage second =
        trail.page(AuditFilter.parse(null, null, null, null, null, null, null, null), 1, 2);

    // Then
    assertThat(second.total()).isEqualTo(5);
    assertThat(second.page()).isEqualTo(1);
    assertThat(second.size()).isEqualTo(2);
    assertThat(second.items()).extracting(AuditItem::aggregateId).containsExactly("c3", "c4");
  }

  @Test
  void aDateBoundCoversTheWholeDayInShanghai() throws Exception {
    // Given events just before, at the start and at the end of 2 March in Shanghai
    projection.handle(registered(1, "before", "2026-03-01T15:59:59Z"));
    projection.handle(registered(2, "first", "2026-03-01T16:00:00Z"));
    projection.handle(registered(3, "last", "2026-03-02T15:59:59Z"));
    projection.handle(registered(4, "after", "2026-03-02T16:00:00Z"));

    // When
    AuditPage day =
        trail.page(
            AuditFilter.parse(null, null, null, null, null, null, "2026-03-02", "2026-03-02"),
            0,
            50);
    AuditPage instants =
        trail.page(
            AuditFilter.parse(
                null,
                null,
                null,
                null,
                null,
                null,
                "2026-03-02T00:00:00+08:00",
                "2026-03-02T15:59:59Z"),
            0,
            50);

    // Then
    assertThat(day.items()).extracting(AuditItem::aggregateId).containsExactly("first", "last");
    assertThat(instants.items())
        .extracting(AuditItem::aggregateId)
        .containsExactly("first", "last");
  }

  @Test
  void everyFactOfTheRulesIsAuditedWithItsPayload() throws Exception {
    // Given one event of every type the rules brought
    Rulebook rules = Rulebook.defaultRules();
    ReportStatistics table = new ReportStatistics(2, 300, 500, 20, 100, 4, 60, 1);
    List<Object> payloads =
        List.of(
            new CampaignTaskDefined(
                "2026",
                "t1",
                "入户走访",
                List.of("c1"),
                List.of("bank1"),
                TaskRecurrence.MONTHLY,
                true),
            new ScoringRulesAdopted("2026", rules, LocalDate.parse("2026-04-01")),
            new CampaignMonthClosed("2026", YearMonth.parse("2026-03")),
            new MonthlyReportSubmitted(
                "2026.c1.2026-03",
                "2026",
                "c1",
                YearMonth.parse("2026-03"),
                table,
                "summary",
                LocalDate.parse("2026-03-30"),
                false),
            new YearEndReportSubmitted(
                "2026.c1.year-end",
                "2026",
                "c1",
                table,
                "summary",
                LocalDate.parse("2026-12-30"),
                true),
            new ReportDeadlineMissed(
                "2026.c1.year-end",
                "2026",
                "c1",
                ReportKind.YEAR_END,
                null,
                LocalDate.parse("2026-12-30")),
            new EvidenceWindowClosed("pe1", "2026", "c1", LocalDate.parse("2026-03-01"), 0),
            new InspectionConducted(
                "i1",
                "2026",
                "c1",
                InspectionKind.SPOT_CHECK,
                LocalDate.parse("2026-04-01"),
                "no sign-in sheets",
                InspectionRating.FAIL),
            new RectificationOrdered(
                "r1", "2026", "c1", "i1", "keep sign-in sheets", LocalDate.parse("2026-04-15")),
            new RectificationCompleted("r1", "2026", "c1", "done"),
            new RectificationOverdue("r1", "2026", "c1", LocalDate.parse("2026-04-15")),
            new FraudCaseRecorded(
                "k1",
                "c2",
                LocalDate.parse("2026-04-02"),
                FraudCategory.ONLINE_DATING,
                new BigDecimal("35000.50"),
                TargetGroup.SINGLES),
            new LeadOutcomeRecorded("l1", "c1", "2026", LeadOutcome.CASE_FILED, "立案"));

    // When
    long position = 0;
    for (Object payload : payloads) {
      projection.handle(
          tracked(
              ++position,
              "Any",
              "any:" + position,
              0,
              payload,
              Instant.parse("2026-05-01T02:00:00Z"),
              STREET));
    }

    // Then
    List<AuditItem> items =
        trail
            .page(AuditFilter.parse(null, null, null, null, null, null, null, null), 0, 50)
            .items();
    assertThat(items)
        .extracting(AuditItem::type)
        .containsExactlyElementsOf(
            payloads.stream().map(p -> p.getClass().getSimpleName()).toList());
    assertThat(items).allSatisfy(item -> assertThat(item.payload()).isNotEmpty());
    assertThat(items.get(2).payload()).containsEntry("month", "2026-03");
    assertThat(items.get(3).payload().get("statistics"))
        .isEqualTo(
            java.util.Map.of(
                "eventsHeld", 2,
                "audienceReached", 300,
                "materialsDistributed", 500,
                "postersPut", 20,
                "smsSent", 100,
                "screenBroadcasts", 4,
                "householdsVisited", 60,
                "leadsFound", 1));
    assertThat(items.get(5).payload())
        .containsEntry("kind", "YEAR_END")
        .containsEntry("month", null);
    assertThat(items.get(11).payload())
        .containsEntry("lossYuan", new BigDecimal("35000.5"))
        .containsEntry("occurredOn", "2026-04-02");
    assertThat(
            trail
                .page(AuditFilter.parse("c2", null, null, null, null, null, null, null), 0, 50)
                .items())
        .extracting(AuditItem::type)
        .containsExactly("FraudCaseRecorded");
    assertThat(
            trail
                .page(AuditFilter.parse("bank1", null, null, null, null, null, null, null), 0, 50)
                .items())
        .extracting(AuditItem::type)
        .containsExactly("CampaignTaskDefined");
  }

  @Test
  void aResetClearsTheTrail() throws Exception {
    // Given
    projection.handle(registered(1, "c1", "2026-01-01T02:00:00Z"));

    // When
    projection.prepareReset();

    // Then
    assertThat(store.raw(AuditEntry.COLLECTION)).isEmpty();
  }
}
