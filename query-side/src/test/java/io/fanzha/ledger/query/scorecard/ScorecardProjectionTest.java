package io.fanzha.ledger.query.scorecard;

import static io.fanzha.ledger.query.support.Events.by;
import static io.fanzha.ledger.query.support.Events.tracked;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fanzha.ledger.events.CampaignLaunched;
import io.fanzha.ledger.events.Location;
import io.fanzha.ledger.events.LocationKind;
import io.fanzha.ledger.events.PenaltyReason;
import io.fanzha.ledger.events.PenaltyRevoked;
import io.fanzha.ledger.events.PublicityFormat;
import io.fanzha.ledger.events.PublishEventHeld;
import io.fanzha.ledger.events.Rulebook;
import io.fanzha.ledger.events.TargetGroup;
import io.fanzha.ledger.events.UnitCommended;
import io.fanzha.ledger.events.UnitKind;
import io.fanzha.ledger.events.UnitPenalized;
import io.fanzha.ledger.events.UnitRegistered;
import io.fanzha.ledger.query.scorecard.rules.Grade;
import io.fanzha.ledger.query.scorecard.rules.ScoreFact;
import io.fanzha.ledger.query.scorecard.rules.ScoreRule;
import io.fanzha.ledger.query.support.ReadModelStore;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
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

  private static ReadModelStore store;
  private AnnotationEventHandlerAdapter projection;
  private Scorecards scorecards;
  private long position;

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
    return event;
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
    assertThat(campaign.launchEventId()).isEqualTo(launched.getIdentifier());
    assertThat(campaign.launchedAt()).isEqualTo(Instant.parse("2025-12-20T02:00:00Z"));
  }

  @Test
  void penaltiesRevocationsCommendationsAndPublicityAreKeptAsFactsOfTheUnitInTheCampaign()
      throws Exception {
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

    // Then
    UnitFacts facts = store.template().findById("2026/c1", UnitFacts.class);
    assertThat(facts.campaignId()).isEqualTo("2026");
    assertThat(facts.unitId()).isEqualTo("c1");
    assertThat(facts.facts())
        .containsExactly(
            ScoreFact.penalty(
                penalized.getIdentifier(),
                Instant.parse("2026-03-01T02:00:00Z"),
                "p1",
                new BigDecimal("5")),
            ScoreFact.revocation(
                revoked.getIdentifier(), Instant.parse("2026-03-02T02:00:00Z"), "p1"),
            ScoreFact.commendation(
                commended.getIdentifier(),
                Instant.parse("2026-03-03T02:00:00Z"),
                "k1",
                new BigDecimal("2.5")),
            ScoreFact.publicityEvent(
                held.getIdentifier(),
                Instant.parse("2026-03-04T10:00:00Z"),
                "pe1",
                LocalDate.parse("2026-03-04")));
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

    // Then no type hints that would make equal facts differ, points as decimals, dates as text
    Document stored = store.raw(UnitFacts.COLLECTION).get(0);
    List<Document> facts = stored.getList("facts", Document.class);
    assertThat(facts).allSatisfy(f -> assertThat(f).doesNotContainKey("_class"));
    assertThat(facts.get(0).get("points")).isEqualTo(new Decimal128(new BigDecimal("2.50")));
    assertThat(facts.get(1).get("heldOn")).isEqualTo("2026-03-04");
  }

  @Test
  void theSameEventTwiceChangesNothing() throws Exception {
    // Given
    EventMessage<?> launched = launch();
    EventMessage<?> penalized =
        tracked(
            7,
            "Penalty",
            "penalty:p1",
            0,
            penalty("p1", "c1", "5"),
            Instant.parse("2026-03-01T02:00:00Z"),
            STREET);
    EventMessage<?> registered =
        tracked(
            8,
            "Unit",
            "unit:c1",
            0,
            new UnitRegistered("c1", "东门社区", UnitKind.COMMUNITY, "s1", 8000),
            Instant.parse("2025-12-01T02:00:00Z"),
            STREET);
    projection.handle(penalized);
    projection.handle(registered);
    var before =
        List.of(
            store.raw(ScoredCampaign.COLLECTION),
            store.raw(UnitName.COLLECTION),
            store.raw(UnitFacts.COLLECTION));

    // When the same events arrive again, the launch too
    projection.handle(penalized);
    projection.handle(registered);
    projection.handle(launched);

    // Then
    assertThat(
            List.of(
                store.raw(ScoredCampaign.COLLECTION),
                store.raw(UnitName.COLLECTION),
                store.raw(UnitFacts.COLLECTION)))
        .isEqualTo(before);
    assertThat(scorecards.detail("2026", "c1", null).score()).isEqualByComparingTo("95");
  }

  @Test
  void aResetClearsTheScorecards() throws Exception {
    // Given
    launch();
    handle("Penalty", "p1", penalty("p1", "c1", "5"), "2026-03-01T02:00:00Z");

    // When
    projection.prepareReset();

    // Then
    assertThat(store.raw(ScoredCampaign.COLLECTION)).isEmpty();
    assertThat(store.raw(UnitFacts.COLLECTION)).isEmpty();
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
  void aScorecardDetailExplainsEveryLineAndCountsPublicityByMonth() throws Exception {
    // Given
    EventMessage<?> launched = launch();
    EventMessage<?> penalized =
        handle("Penalty", "p1", penalty("p1", "c1", "5"), "2026-03-01T02:00:00Z");
    handle(
        "PublishEvent",
        "pe1",
        publicity("pe1", "c1", "2026-03-04"),
        "2026-03-04T10:00:00Z",
        COMMUNITY);

    // When
    ScorecardDetail detail = scorecards.detail("2026", "c1", null);

    // Then
    assertThat(detail.score()).isEqualByComparingTo("95");
    assertThat(detail.grade()).isEqualTo(Grade.EXCELLENT);
    assertThat(detail.rulebookVersion()).isEqualTo("default-1");
    assertThat(detail.lines())
        .containsExactly(
            new ScorecardDetail.Line(
                ScoreRule.BASE, new BigDecimal("100"), null, List.of(launched.getIdentifier())),
            new ScorecardDetail.Line(
                ScoreRule.PENALTY, new BigDecimal("-5"), null, List.of(penalized.getIdentifier())));
    assertThat(detail.publicityEventsByMonth()).containsEntry("2026-03", 1);
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
