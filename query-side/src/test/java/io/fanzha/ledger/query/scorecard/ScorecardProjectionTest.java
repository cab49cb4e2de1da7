package io.fanzha.ledger.query.scorecard;

import static io.fanzha.ledger.query.support.Events.by;
import static io.fanzha.ledger.query.support.Events.tracked;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.fanzha.ledger.events.AccountOpened;
import io.fanzha.ledger.events.CampaignLaunched;
import io.fanzha.ledger.events.CampaignMonthClosed;
import io.fanzha.ledger.events.EvidenceWindowClosed;
import io.fanzha.ledger.events.FraudCaseRecorded;
import io.fanzha.ledger.events.FraudCategory;
import io.fanzha.ledger.events.LeadOutcome;
import io.fanzha.ledger.events.LeadOutcomeRecorded;
import io.fanzha.ledger.events.Location;
import io.fanzha.ledger.events.LocationKind;
import io.fanzha.ledger.events.MonthlyReportSubmitted;
import io.fanzha.ledger.events.PenaltyReason;
import io.fanzha.ledger.events.PenaltyRevoked;
import io.fanzha.ledger.events.PublicityFormat;
import io.fanzha.ledger.events.PublishEventHeld;
import io.fanzha.ledger.events.RectificationOverdue;
import io.fanzha.ledger.events.ReportDeadlineMissed;
import io.fanzha.ledger.events.ReportKind;
import io.fanzha.ledger.events.ReportStatistics;
import io.fanzha.ledger.events.Role;
import io.fanzha.ledger.events.Rulebook;
import io.fanzha.ledger.events.ScoringRulesAdopted;
import io.fanzha.ledger.events.TargetGroup;
import io.fanzha.ledger.events.UnitCommended;
import io.fanzha.ledger.events.UnitKind;
import io.fanzha.ledger.events.UnitPenalized;
import io.fanzha.ledger.events.UnitRegistered;
import io.fanzha.ledger.events.YearEndReportSubmitted;
import io.fanzha.ledger.query.scorecard.rules.FraudCase;
import io.fanzha.ledger.query.scorecard.rules.Grade;
import io.fanzha.ledger.query.scorecard.rules.MonthClosure;
import io.fanzha.ledger.query.scorecard.rules.ReportState;
import io.fanzha.ledger.query.scorecard.rules.RulebookAdoption;
import io.fanzha.ledger.query.scorecard.rules.ScoreFact;
import io.fanzha.ledger.query.scorecard.rules.ScoreRule;
import io.fanzha.ledger.query.support.ReadModelStore;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.EventMessage;
import org.bson.Document;
import org.bson.types.Decimal128;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ScorecardProjectionTest {

  private static final Map<String, String> STREET = by("street", "STREET_OFFICE", "s1");
  private static final Map<String, String> COMMUNITY = by("c1-staff", "COMMUNITY", "c1");
  private static final Map<String, String> SYSTEM = by("system", "STREET_OFFICE", null);
  private static final List<String> COLLECTIONS =
      List.of(
          ScoredCampaign.COLLECTION,
          ScoredUnit.COLLECTION,
          UnitFacts.COLLECTION,
          CommunityCases.COLLECTION,
          NewestEvent.COLLECTION);

  private static ReadModelStore store;
  private AnnotationEventHandlerAdapter projection;
  private Scorecards scorecards;
  private long position;
  private final List<EventMessage<?>> handled = new ArrayList<>();

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
    projection = new AnnotationEventHandlerAdapter(new ScorecardProjection(store.template()));
    scorecards = new Scorecards(store.template());
    position = 0;
    handled.clear();
  }

  private EventMessage<?> handle(String type, String id, Object payload, String at)
      throws Exception {
    return handle(type, id, payload, at, STREET);
  }

  private EventMessage<?> handle(
      String type, String id, Object payload, String at, Map<String, String> meta)
      throws Exception {
    EventMessage<?> event =
        tracked(
            position++, type, type.toLowerCase() + ":" + id, 0, payload, Instant.parse(at), meta);
    projection.handle(event);
    handled.add(event);
    return event;
  }

  private List<List<Document>> readModel() {
    return COLLECTIONS.stream().map(store::raw).toList();
  }

  private EventMessage<?> launch() throws Exception {
    return handle(
        "Campaign",
        "2026",
        new CampaignLaunched(
            "2026",
            "反诈宣传 2026",
            "s1",
            LocalDate.parse("2026-01-01"),
            LocalDate.parse("2026-12-31"),
            30,
            LocalDate.parse("2026-12-30"),
            List.of("c1", "c2", "c3"),
            null,
            Rulebook.defaultRules()),
        "2025-12-20T02:00:00Z");
  }

  private static UnitPenalized penalty(String id, String unit, String points) {
    return new UnitPenalized(
        id, "2026", unit, new BigDecimal(points), PenaltyReason.POOR_WORK, "poor work", List.of());
  }

  private static PublishEventHeld publicity(String id, String unit, String heldOn) {
    return new PublishEventHeld(
        id,
        "2026",
        unit,
        LocalDate.parse(heldOn),
        new Location("东门广场", LocationKind.PARK),
        List.of(PublicityFormat.LEAFLET),
        List.of(TargetGroup.ELDERLY),
        120,
        300,
        null);
  }

  private static ReportStatistics statistics() {
    return new ReportStatistics(2, 300, 500, 20, 100, 4, 60, 1);
  }

  private static Rulebook stricter() {
    Rulebook base = Rulebook.defaultRules();
    return new Rulebook(
        "street-2",
        base.basePoints(),
        new BigDecimal("8"),
        base.evidenceMissing(),
        base.evidenceWindowDays(),
        base.reportLate(),
        base.reportMissing(),
        base.rectificationOverdue(),
        base.commendationCapPerYear(),
        base.leadConfirmed(),
        base.leadConfirmedCapPerYear(),
        base.caseRateBands(),
        base.excellentFrom(),
        base.passFrom());
  }

  @Test
  void aLaunchedCampaignIsKeptWithItsRulebookAndLaunchEvent() throws Exception {
    // When
    EventMessage<?> launched = launch();

    // Then
    ScoredCampaign campaign = store.template().findById("2026", ScoredCampaign.class);
    assertThat(campaign).isNotNull();
    assertThat(campaign.communityIds()).containsExactly("c1", "c2", "c3");
    assertThat(campaign.rulebook()).isEqualTo(Rulebook.defaultRules());
    assertThat(campaign.startDate()).isEqualTo(LocalDate.parse("2026-01-01"));
    assertThat(campaign.endDate()).isEqualTo(LocalDate.parse("2026-12-31"));
    assertThat(campaign.launchEventId()).isEqualTo(launched.getIdentifier());
    assertThat(campaign.launchedAt()).isEqualTo(Instant.parse("2025-12-20T02:00:00Z"));
    assertThat(campaign.monthsClosed()).isEmpty();
  }

  @Test
  void closedMonthsAndAdoptedRulebooksAreKeptOnTheCampaignAndSurviveARedeliveredLaunch()
      throws Exception {
    // Given
    EventMessage<?> launched = launch();
    EventMessage<?> adopted =
        handle(
            "Campaign",
            "2026",
            new ScoringRulesAdopted("2026", stricter(), LocalDate.parse("2026-04-01")),
            "2026-03-10T02:00:00Z");
    EventMessage<?> closed =
        handle(
            "Campaign",
            "2026",
            new CampaignMonthClosed("2026", YearMonth.parse("2026-03")),
            "2026-03-31T16:00:00Z",
            SYSTEM);

    // When the launch is delivered again
    projection.handle(launched);

    // Then
    ScoredCampaign campaign = store.template().findById("2026", ScoredCampaign.class);
    assertThat(campaign.monthsClosed())
        .containsExactly(
            new MonthClosure(
                YearMonth.parse("2026-03"),
                closed.getIdentifier(),
                2,
                Instant.parse("2026-03-31T16:00:00Z")));
    assertThat(campaign.adoptions())
        .containsExactly(
            new RulebookAdoption(
                stricter(),
                LocalDate.parse("2026-04-01"),
                adopted.getIdentifier(),
                1,
                Instant.parse("2026-03-10T02:00:00Z")));
    Document stored = store.raw(ScoredCampaign.COLLECTION).get(0);
    assertThat(stored.getList("monthsClosed", Document.class).get(0).get("month"))
        .isEqualTo("2026-03");
  }

  @Test
  void everyScoringFactIsKeptAsAFactOfTheUnitInTheCampaign() throws Exception {
    // Given
    launch();

    // When
    EventMessage<?> penalized =
        handle("Penalty", "p1", penalty("p1", "c1", "5"), "2026-03-01T02:00:00Z");
    EventMessage<?> revoked =
        handle(
            "Penalty",
            "p1",
            new PenaltyRevoked("p1", "2026", "c1", "mistake"),
            "2026-03-02T02:00:00Z");
    EventMessage<?> commended =
        handle(
            "Commendation",
            "k1",
            new UnitCommended("k1", "2026", "c1", new BigDecimal("2.5"), "good work"),
            "2026-03-03T02:00:00Z");
    EventMessage<?> held =
        handle(
            "PublishEvent",
            "pe1",
            publicity("pe1", "c1", "2026-03-04"),
            "2026-03-04T10:00:00Z",
            COMMUNITY);
    EventMessage<?> windowClosed =
        handle(
            "PublishEvent",
            "pe1",
            new EvidenceWindowClosed("pe1", "2026", "c1", LocalDate.parse("2026-03-04"), 0),
            "2026-03-11T16:00:00Z",
            SYSTEM);
    EventMessage<?> missed =
        handle(
            "MonthlyReport",
            "2026.c1.2026-03",
            new ReportDeadlineMissed(
                "2026.c1.2026-03",
                "2026",
                "c1",
                ReportKind.MONTHLY,
                YearMonth.parse("2026-03"),
                LocalDate.parse("2026-03-30")),
            "2026-03-30T16:00:00Z",
            SYSTEM);
    EventMessage<?> submitted =
        handle(
            "MonthlyReport",
            "2026.c1.2026-03",
            new MonthlyReportSubmitted(
                "2026.c1.2026-03",
                "2026",
                "c1",
                YearMonth.parse("2026-03"),
                statistics(),
                null,
                LocalDate.parse("2026-03-30"),
                true),
            "2026-04-02T02:00:00Z",
            COMMUNITY);
    EventMessage<?> yearEnd =
        handle(
            "YearEndReport",
            "2026.c1.year-end",
            new YearEndReportSubmitted(
                "2026.c1.year-end",
                "2026",
                "c1",
                statistics(),
                "summary",
                LocalDate.parse("2026-12-30"),
                false),
            "2026-04-03T02:00:00Z",
            COMMUNITY);
    EventMessage<?> overdue =
        handle(
            "Rectification",
            "r1",
            new RectificationOverdue("r1", "2026", "c1", LocalDate.parse("2026-04-15")),
            "2026-04-15T16:00:00Z",
            SYSTEM);
    EventMessage<?> outcome =
        handle(
            "FraudLead",
            "l1",
            new LeadOutcomeRecorded("l1", "c1", "2026", LeadOutcome.CASE_FILED, "filed"),
            "2026-04-20T02:00:00Z",
            by("police", "POLICE", null));

    // Then
    UnitFacts facts = store.template().findById("2026/c1", UnitFacts.class);
    assertThat(facts.campaignId()).isEqualTo("2026");
    assertThat(facts.unitId()).isEqualTo("c1");
    assertThat(facts.facts())
        .containsExactly(
            ScoreFact.penalty(
                penalized.getIdentifier(),
                1,
                Instant.parse("2026-03-01T02:00:00Z"),
                "p1",
                new BigDecimal("5")),
            ScoreFact.revocation(
                revoked.getIdentifier(), 2, Instant.parse("2026-03-02T02:00:00Z"), "p1"),
            ScoreFact.commendation(
                commended.getIdentifier(),
                3,
                Instant.parse("2026-03-03T02:00:00Z"),
                "k1",
                new BigDecimal("2.5")),
            ScoreFact.publicityEvent(
                held.getIdentifier(),
                4,
                Instant.parse("2026-03-04T10:00:00Z"),
                "pe1",
                LocalDate.parse("2026-03-04")),
            ScoreFact.evidenceWindowClosed(
                windowClosed.getIdentifier(),
                5,
                Instant.parse("2026-03-11T16:00:00Z"),
                "pe1",
                LocalDate.parse("2026-03-04"),
                0),
            ScoreFact.deadlineMissed(
                missed.getIdentifier(),
                6,
                Instant.parse("2026-03-30T16:00:00Z"),
                "2026.c1.2026-03",
                ReportKind.MONTHLY,
                YearMonth.parse("2026-03")),
            ScoreFact.monthlyReport(
                submitted.getIdentifier(),
                7,
                Instant.parse("2026-04-02T02:00:00Z"),
                "2026.c1.2026-03",
                YearMonth.parse("2026-03"),
                true),
            ScoreFact.yearEndReport(
                yearEnd.getIdentifier(),
                8,
                Instant.parse("2026-04-03T02:00:00Z"),
                "2026.c1.year-end",
                false),
            ScoreFact.rectificationOverdue(
                overdue.getIdentifier(), 9, Instant.parse("2026-04-15T16:00:00Z"), "r1"),
            ScoreFact.leadOutcome(
                outcome.getIdentifier(),
                10,
                Instant.parse("2026-04-20T02:00:00Z"),
                "l1",
                LeadOutcome.CASE_FILED));
  }

  @Test
  void factsAreStoredAsPlainSubDocumentsWithExactPointsAndCalendarDates() throws Exception {
    // When
    handle("Penalty", "p1", penalty("p1", "c1", "2.50"), "2026-03-01T02:00:00Z");
    handle(
        "PublishEvent",
        "pe1",
        publicity("pe1", "c1", "2026-03-04"),
        "2026-03-04T10:00:00Z",
        COMMUNITY);
    handle(
        "MonthlyReport",
        "2026.c1.2026-03",
        new ReportDeadlineMissed(
            "2026.c1.2026-03",
            "2026",
            "c1",
            ReportKind.MONTHLY,
            YearMonth.parse("2026-03"),
            LocalDate.parse("2026-03-30")),
        "2026-03-30T16:00:00Z",
        SYSTEM);

    // Then no type hints that would make equal facts differ, points as decimals, dates as text
    Document stored = store.raw(UnitFacts.COLLECTION).get(0);
    List<Document> facts = stored.getList("facts", Document.class);
    assertThat(facts).allSatisfy(f -> assertThat(f).doesNotContainKey("_class"));
    assertThat(facts.get(0).get("points")).isEqualTo(new Decimal128(new BigDecimal("2.50")));
    assertThat(facts.get(1).get("heldOn")).isEqualTo("2026-03-04");
    assertThat(facts.get(2).get("month")).isEqualTo("2026-03");
    assertThat(facts.get(2).get("reportKind")).isEqualTo("MONTHLY");
  }

  @Test
  void fraudCasesAreKeptPerCommunityWhateverTheCampaign() throws Exception {
    // When
    EventMessage<?> recorded =
        handle(
            "FraudCase",
            "k1",
            new FraudCaseRecorded(
                "k1",
                "c1",
                LocalDate.parse("2026-02-01"),
                FraudCategory.FAKE_INVESTMENT,
                new BigDecimal("12000.50"),
                TargetGroup.ELDERLY),
            "2026-02-02T02:00:00Z",
            by("police", "POLICE", null));

    // Then
    assertThat(store.template().findById("c1", CommunityCases.class).cases())
        .containsExactly(
            new FraudCase(
                "k1",
                recorded.getIdentifier(),
                0,
                Instant.parse("2026-02-02T02:00:00Z"),
                LocalDate.parse("2026-02-01")));
  }

  @Test
  void anOutcomeOfALeadWithoutACampaignScoresNowhere() throws Exception {
    // When
    handle(
        "FraudLead",
        "l1",
        new LeadOutcomeRecorded("l1", "c1", null, LeadOutcome.CASE_FILED, null),
        "2026-04-20T02:00:00Z",
        by("police", "POLICE", null));

    // Then
    assertThat(store.raw(UnitFacts.COLLECTION)).isEmpty();
  }

  @Test
  void theNewestEventSeenOnlyEverMovesForward() throws Exception {
    // When events arrive with timestamps out of order, one of a type not scored
    handle("Penalty", "p1", penalty("p1", "c1", "1"), "2026-03-05T02:00:00Z");
    handle(
        "Account",
        "c1-staff",
        new AccountOpened("c1-staff", Role.COMMUNITY, "c1"),
        "2026-03-07T02:00:00Z");
    handle("Penalty", "p2", penalty("p2", "c1", "1"), "2026-03-06T02:00:00Z");

    // Then
    assertThat(store.template().findById(NewestEvent.ID, NewestEvent.class).recordedAt())
        .isEqualTo(Instant.parse("2026-03-07T02:00:00Z"));
  }

  @Test
  void withoutAsOfTheScorecardIsThatOfTheNewestEventsDay() throws Exception {
    // Given a stricter rulebook from 1 April, March without publicity closed at 00:00 on 1 April
    launch();
    handle(
        "Campaign",
        "2026",
        new ScoringRulesAdopted("2026", stricter(), LocalDate.parse("2026-04-01")),
        "2026-03-10T02:00:00Z");
    handle(
        "Campaign",
        "2026",
        new CampaignMonthClosed("2026", YearMonth.parse("2026-03")),
        "2026-03-31T16:00:00Z",
        SYSTEM);

    // When
    ScorecardDetail detail = scorecards.detail("2026", "c1", null);

    // Then
    assertThat(detail.asOf()).isEqualTo(LocalDate.parse("2026-04-01"));
    assertThat(detail.rulebookVersion()).isEqualTo("street-2");
    assertThat(detail.score()).isEqualByComparingTo("92");
    assertThat(scorecards.detail("2026", "c1", LocalDate.parse("2026-03-31")).rulebookVersion())
        .isEqualTo("default-1");
  }

  @Test
  void theSameEventTwiceChangesNothing() throws Exception {
    // Given one event of every kind the scorecards keep
    everyKindOfFact();
    List<List<Document>> before = readModel();

    // When every event arrives again, in the same order
    for (EventMessage<?> event : List.copyOf(handled)) {
      projection.handle(event);
    }

    // Then
    assertThat(readModel()).isEqualTo(before);
    assertThat(scorecards.detail("2026", "c1", null).score()).isEqualByComparingTo("79.5");
  }

  @Test
  void aReplayRebuildsAnIdenticalReadModel() throws Exception {
    // Given
    everyKindOfFact();
    List<List<Document>> before = readModel();
    ScorecardDetail detail = scorecards.detail("2026", "c1", null);

    // When
    projection.prepareReset();
    assertThat(readModel()).allSatisfy(collection -> assertThat(collection).isEmpty());
    for (EventMessage<?> event : List.copyOf(handled)) {
      projection.handle(event);
    }

    // Then
    assertThat(readModel()).isEqualTo(before);
    assertThat(scorecards.detail("2026", "c1", null)).isEqualTo(detail);
  }

  /**
   * c1 in 2026 as of 21 April: 100 − 5 (no publicity in March) − 1 (no evidence) − 2 (February's
   * report late) − 5 (March's missing) − 3 (rectification overdue) − 5 (p1; p2 revoked) + 3
   * (commended) + 0.5 (lead filed) − 3 (7 cases per 10,000 residents) = 79.5.
   */
  private void everyKindOfFact() throws Exception {
    handle(
        "Unit",
        "c1",
        new UnitRegistered("c1", "东门社区", UnitKind.COMMUNITY, "s1", 10000),
        "2025-12-01T02:00:00Z");
    launch();
    handle("Penalty", "p1", penalty("p1", "c1", "5"), "2026-03-01T02:00:00Z");
    handle("Penalty", "p2", penalty("p2", "c1", "7"), "2026-03-01T03:00:00Z");
    handle(
        "Penalty", "p2", new PenaltyRevoked("p2", "2026", "c1", "mistake"), "2026-03-02T02:00:00Z");
    handle(
        "Commendation",
        "k1",
        new UnitCommended("k1", "2026", "c1", new BigDecimal("3"), "good"),
        "2026-03-03T02:00:00Z");
    handle("PublishEvent", "pe1", publicity("pe1", "c1", "2026-02-04"), "2026-02-04T10:00:00Z");
    handle(
        "PublishEvent",
        "pe1",
        new EvidenceWindowClosed("pe1", "2026", "c1", LocalDate.parse("2026-02-04"), 0),
        "2026-02-11T16:00:00Z",
        SYSTEM);
    handle(
        "Campaign",
        "2026",
        new CampaignMonthClosed("2026", YearMonth.parse("2026-02")),
        "2026-02-28T16:00:00Z",
        SYSTEM);
    handle(
        "Campaign",
        "2026",
        new CampaignMonthClosed("2026", YearMonth.parse("2026-03")),
        "2026-03-31T16:00:00Z",
        SYSTEM);
    handle(
        "MonthlyReport",
        "2026.c1.2026-02",
        new MonthlyReportSubmitted(
            "2026.c1.2026-02",
            "2026",
            "c1",
            YearMonth.parse("2026-02"),
            statistics(),
            null,
            LocalDate.parse("2026-02-28"),
            true),
        "2026-03-02T02:00:00Z",
        COMMUNITY);
    handle(
        "MonthlyReport",
        "2026.c1.2026-03",
        new ReportDeadlineMissed(
            "2026.c1.2026-03",
            "2026",
            "c1",
            ReportKind.MONTHLY,
            YearMonth.parse("2026-03"),
            LocalDate.parse("2026-03-30")),
        "2026-03-30T16:00:00Z",
        SYSTEM);
    handle(
        "Rectification",
        "r1",
        new RectificationOverdue("r1", "2026", "c1", LocalDate.parse("2026-04-15")),
        "2026-04-15T16:00:00Z",
        SYSTEM);
    handle(
        "FraudLead",
        "l1",
        new LeadOutcomeRecorded("l1", "c1", "2026", LeadOutcome.CASE_FILED, null),
        "2026-04-20T02:00:00Z",
        by("police", "POLICE", null));
    for (int i = 1; i <= 7; i++) {
      handle(
          "FraudCase",
          "case" + i,
          new FraudCaseRecorded(
              "case" + i,
              "c1",
              LocalDate.parse("2026-04-0" + i),
              FraudCategory.ONLINE_LOAN,
              new BigDecimal("1000"),
              null),
          "2026-04-21T02:00:00Z",
          by("police", "POLICE", null));
    }
  }

  @Test
  void aResetClearsTheScorecards() throws Exception {
    // Given
    everyKindOfFact();

    // When
    projection.prepareReset();

    // Then
    assertThat(readModel()).allSatisfy(collection -> assertThat(collection).isEmpty());
  }

  @Test
  void standingsRankTheCampaignsCommunitiesBestFirstWithTheirNames() throws Exception {
    // Given
    handle(
        "Unit",
        "c1",
        new UnitRegistered("c1", "东门社区", UnitKind.COMMUNITY, "s1", 8000),
        "2025-12-01T02:00:00Z");
    handle(
        "Unit",
        "c2",
        new UnitRegistered("c2", "西门社区", UnitKind.COMMUNITY, "s1", 6000),
        "2025-12-01T02:00:00Z");
    launch();
    handle("Penalty", "p1", penalty("p1", "c1", "12"), "2026-03-01T02:00:00Z");
    handle("Penalty", "p2", penalty("p2", "c2", "12"), "2026-03-01T03:00:00Z");

    // When
    List<ScorecardRow> rows = scorecards.standings("2026", null);

    // Then c3 has no facts and no registered name; c1 and c2 tie
    assertThat(rows)
        .containsExactly(
            new ScorecardRow("c3", null, new BigDecimal("100"), Grade.EXCELLENT, 1),
            new ScorecardRow("c1", "东门社区", new BigDecimal("88"), Grade.FAIL, 2),
            new ScorecardRow("c2", "西门社区", new BigDecimal("88"), Grade.FAIL, 2));
  }

  @Test
  void aScorecardDetailExplainsEveryLine() throws Exception {
    // Given
    everyKindOfFact();

    // When
    ScorecardDetail detail = scorecards.detail("2026", "c1", null);

    // Then
    assertThat(detail.unitName()).isEqualTo("东门社区");
    assertThat(detail.asOf()).isEqualTo(LocalDate.parse("2026-04-21"));
    assertThat(detail.score()).isEqualByComparingTo("79.5");
    assertThat(detail.grade()).isEqualTo(Grade.FAIL);
    assertThat(detail.rulebookVersion()).isEqualTo("default-1");
    assertThat(detail.lines())
        .extracting(ScorecardDetail.Line::rule, ScorecardDetail.Line::points, l -> l.period())
        .containsExactly(
            tuple(ScoreRule.BASE, new BigDecimal("100"), null),
            tuple(ScoreRule.PUBLICITY_MONTH_MISSED, new BigDecimal("-5"), "2026-03"),
            tuple(ScoreRule.EVIDENCE_MISSING, new BigDecimal("-1"), "2026-02"),
            tuple(ScoreRule.REPORT_LATE, new BigDecimal("-2"), "2026-02"),
            tuple(ScoreRule.REPORT_MISSING, new BigDecimal("-5"), "2026-03"),
            tuple(ScoreRule.RECTIFICATION_OVERDUE, new BigDecimal("-3"), null),
            tuple(ScoreRule.PENALTY, new BigDecimal("-5"), null),
            tuple(ScoreRule.COMMENDATION, new BigDecimal("3"), null),
            tuple(ScoreRule.LEAD_CONFIRMED, new BigDecimal("0.5"), null),
            tuple(ScoreRule.CASE_RATE, new BigDecimal("-3"), null));
    assertThat(detail.lines().get(detail.lines().size() - 1).eventIds()).hasSize(7);
    assertThat(detail.publicityEventsByMonth()).containsEntry("2026-02", 1);
    assertThat(detail.reportsByMonth())
        .containsEntry("2026-02", ReportState.LATE)
        .containsEntry("2026-03", ReportState.MISSING);
  }

  @Test
  void anUnknownCampaignOrAUnitOutsideItIsNotFound() throws Exception {
    // Given
    launch();

    // Then
    assertThatThrownBy(() -> scorecards.standings("1999", null))
        .isInstanceOf(NoSuchScorecard.class);
    assertThatThrownBy(() -> scorecards.detail("2026", "bank1", null))
        .isInstanceOf(NoSuchScorecard.class)
        .extracting("status")
        .isEqualTo(404);
    assertThatThrownBy(() -> scorecards.standings("2026", LocalDate.parse("2025-12-19")))
        .isInstanceOf(NoSuchScorecard.class);
  }
}
