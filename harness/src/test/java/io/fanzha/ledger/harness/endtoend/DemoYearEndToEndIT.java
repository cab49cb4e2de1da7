package io.fanzha.ledger.harness.endtoend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.fanzha.ledger.harness.client.AuditTrail;
import io.fanzha.ledger.harness.client.LedgerClient;
import io.fanzha.ledger.harness.client.LedgerResponse;
import io.fanzha.ledger.harness.demo.DemoYear;
import io.fanzha.ledger.harness.demo.DemoYear.Loaded;
import io.fanzha.ledger.harness.demo.StreetPlan.PublishEvent;
import io.fanzha.ledger.harness.demo.StreetPlan.Unit;
import io.fanzha.ledger.harness.stack.LedgerStack;
import io.fanzha.ledger.harness.workload.MonthOfWork;
import io.fanzha.ledger.harness.workload.Requests.MonthlyReport;
import io.fanzha.ledger.harness.workload.WorkItem;
import java.time.Duration;
import java.time.LocalDate;
import java.time.Month;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer.OrderAnnotation;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The demo year of {@code ./run --demo} (here January to March, to keep the test short) loads on
 * the simulation clock, shows what a demo user looks at (units, the campaign's scorecards whose
 * lines are the year's late and missing reports, photos missing and penalties, most communities
 * passing; leads, statistics), and loads only once: a reload uploads no photo again.
 */
@TestMethodOrder(OrderAnnotation.class)
class DemoYearEndToEndIT {

  private static final Logger log = LoggerFactory.getLogger(DemoYearEndToEndIT.class);
  private static final Month UP_TO = Month.MARCH;

  private static LedgerStack stack;
  private static DemoYear demo;
  private static AuditTrail audit;
  private static Loaded first;
  private static long totalAfterFirst;
  private static long recordedByDeadlines;

  @BeforeAll
  static void startStackAndLoadTheDemoYear() {
    stack = TestStacks.simulated(DemoYearEndToEndIT.class);
    LedgerClient street = LedgerClient.of(stack.commandUrl()).as("street", "street");
    int clockYear = OffsetDateTime.parse(street.get("/admin/clock").text("now")).getYear();
    demo = new DemoYear(clockYear + 1, UP_TO);
    audit = new AuditTrail(LedgerClient.of(stack.queryUrl()).as("auditor", "auditor"));
    long before = TestStacks.settledAuditTotal(audit);

    first = demo.load(LedgerClient.of(stack.commandUrl()), audit);
    log.info("first load: {}", first);

    // every request records one fact; of the deadlines the clock moves fire, those that find
    // something missing (a report, a photo, a completion) or close a month record one more
    await()
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(500))
        .until(() -> audit.total() >= before + first.requests());
    totalAfterFirst = TestStacks.settledAuditTotal(audit);
    recordedByDeadlines = totalAfterFirst - before - first.requests();
    log.info(
        "audit trail: {} entries after the first load, {} before; {} events expected",
        totalAfterFirst,
        before,
        demo.expectedEvents());
  }

  @AfterAll
  static void stopStack() {
    if (stack != null) {
      stack.stop();
    }
  }

  @Test
  @Order(1)
  void everyRequestIsAcceptedAndTheClockStandsOnMarchsDueDay() {
    assertThat(first.refusals()).isEmpty();
    assertThat(first.requests()).isEqualTo(demo.requests());
    assertThat(first.uploadsSkipped()).isZero();
    // four steps a month
    assertThat(first.clockMoves()).isEqualTo(12);
    assertThat(first.deadlinesFired()).isPositive();
    // the year's estimate of what deadlines record holds on the ledger
    assertThat(recordedByDeadlines)
        .isEqualTo(demo.steps().stream().mapToLong(MonthOfWork::deadlineEvents).sum());
    assertThat(first.clock())
        .isEqualTo(demo.steps().get(11).clock().toInstant())
        .isEqualTo(
            OffsetDateTime.parse(
                    LedgerClient.of(stack.commandUrl())
                        .as("street", "street")
                        .get("/admin/clock")
                        .text("now"))
                .toInstant());
  }

  @Test
  @Order(2)
  void theScorecardsRankEveryCommunityMostPassingWithLinesForWhatWentWrong() {
    // what the year sent: reports by month (late ones come with the next month), penalties, and
    // the communities' publicity events without a photo whose window closed before the clock
    Map<YearMonth, Integer> reported = new HashMap<>();
    int late = 0;
    int penalties = 0;
    int windowsClosed = 0;
    int closedWithoutPhoto = 0;
    Set<String> communityIds = new HashSet<>();
    demo.communities().forEach(c -> communityIds.add(c.id()));
    LocalDate today = demo.steps().get(11).clock().toLocalDate();
    for (MonthOfWork step : demo.steps()) {
      for (WorkItem item : items(step)) {
        if (item.body() instanceof MonthlyReport report) {
          YearMonth month = YearMonth.parse(report.month());
          reported.merge(month, 1, Integer::sum);
          late += month.equals(step.month()) ? 0 : 1;
        }
        if (item.body() instanceof PublishEvent event
            && communityIds.contains(event.unitId())
            && event.heldOn().plusDays(7).isBefore(today)) {
          windowsClosed++;
          closedWithoutPhoto += event.evidence().isEmpty() ? 1 : 0;
        }
        penalties += item.what().equals("penalty") ? 1 : 0;
      }
    }
    int expectedEvidenceMissing = closedWithoutPhoto;
    log.info(
        "{} evidence windows of the communities closed, {} without a photo",
        windowsClosed,
        closedWithoutPhoto);
    // the photos come in time, so only the events held without one cost points
    assertThat(closedWithoutPhoto).isLessThan(windowsClosed / 4);
    int communities = demo.communities().size();
    // January and February are due; March's due day ends after the clock
    int missing =
        2 * communities
            - reported.getOrDefault(YearMonth.of(demo.year(), 1), 0)
            - reported.getOrDefault(YearMonth.of(demo.year(), 2), 0);
    int expectedLate = late;
    int expectedPenalties = penalties;
    log.info(
        "the year sent {} late reports, {} penalties, left {} missing", late, penalties, missing);
    assertThat(late + missing).as("late or missing reports in the demo").isPositive();

    LedgerClient leader = LedgerClient.of(stack.queryUrl()).as("leader", "leader");
    await()
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(500))
        .untilAsserted(
            () -> {
              LedgerResponse standings =
                  leader.get("/api/scorecards?campaignId=" + demo.campaignId());
              assertThat(standings.status()).as("%s", standings).isEqualTo(200);
              assertThat(standings.body()).hasSize(communities);
              Map<String, Integer> lines = new HashMap<>();
              Map<String, Integer> grades = new HashMap<>();
              for (JsonNode row : standings.body()) {
                grades.merge(row.path("grade").asText(), 1, Integer::sum);
                assertThat(row.path("unitName").asText()).endsWith("社区");
                LedgerResponse card =
                    leader.get(
                        "/api/scorecards/" + demo.campaignId() + "/" + row.path("unitId").asText());
                assertThat(card.status()).as("%s", card).isEqualTo(200);
                for (JsonNode line : card.body().path("lines")) {
                  lines.merge(line.path("rule").asText(), 1, Integer::sum);
                  // every point rests on recorded events
                  assertThat(line.path("eventIds").size()).as("%s", line).isPositive();
                }
              }
              assertThat(lines.getOrDefault("BASE", 0)).isEqualTo(communities);
              assertThat(lines.getOrDefault("REPORT_LATE", 0)).isEqualTo(expectedLate);
              assertThat(lines.getOrDefault("REPORT_MISSING", 0)).isEqualTo(missing);
              assertThat(lines.getOrDefault("PENALTY", 0)).isEqualTo(expectedPenalties);
              assertThat(lines.getOrDefault("EVIDENCE_MISSING", 0))
                  .isEqualTo(expectedEvidenceMissing);
              log.info("grades: {}", grades);
              // a real street: most communities pass, a few do not
              assertThat(grades.getOrDefault("FAIL", 0)).isLessThan(communities / 2);
            });
  }

  @Test
  @Order(3)
  void theLeadsTheUnitsReportedAreListedAndMarchHasStatisticsForEveryCommunity() {
    Set<String> sent = new HashSet<>();
    demo.steps()
        .forEach(
            step ->
                items(step).stream()
                    .filter(item -> item.what().equals("lead"))
                    .forEach(item -> sent.add(item.path() + "/" + leadIdOf(item))));
    LedgerResponse leads =
        LedgerClient.of(stack.queryUrl()).as("police", "police").get("/api/fraud-leads");
    assertThat(leads.status()).as("%s", leads).isEqualTo(200);
    Set<String> listed = new HashSet<>();
    for (JsonNode lead : leads.body()) {
      if (lead.path("campaignId").asText().equals(demo.campaignId())) {
        listed.add("/api/fraud-leads/" + lead.path("leadId").asText());
      }
    }
    assertThat(listed).isEqualTo(sent);

    LedgerResponse statistics =
        LedgerClient.of(stack.queryUrl())
            .as("street", "street")
            .get(
                "/api/campaigns/"
                    + demo.campaignId()
                    + "/statistics"
                    + LedgerClient.query(
                        LedgerClient.params("month", YearMonth.of(demo.year(), UP_TO).toString())));
    assertThat(statistics.status()).as("%s", statistics).isEqualTo(200);
    Set<String> rows = new HashSet<>();
    statistics.body().path("rows").forEach(row -> rows.add(row.path("unitId").asText()));
    assertThat(rows)
        .containsExactlyInAnyOrderElementsOf(demo.communities().stream().map(Unit::id).toList());
  }

  @Test
  @Order(4)
  void loadingTheDemoYearAgainRecordsNothingNewAndUploadsNoPhotoAgain() {
    assertThat(TestStacks.settledAuditTotal(audit)).isEqualTo(totalAfterFirst);
    long photos =
        demo.steps().stream().flatMap(s -> items(s).stream()).filter(WorkItem::isUpload).count();
    assertThat(audit.count(Map.of("type", "EvidenceSubmitted"))).isEqualTo(photos);

    Loaded second = demo.load(LedgerClient.of(stack.commandUrl()), audit);
    log.info("second load: {}", second);

    assertThat(second.refusals()).isEmpty();
    assertThat(second.uploadsSkipped()).isEqualTo(photos).isPositive();
    assertThat(second.requests()).isEqualTo(first.requests() - photos);
    assertThat(second.clockMoves()).isZero();
    await()
        .during(TestStacks.SETTLED)
        .atMost(TestStacks.SETTLED.multipliedBy(2))
        .pollInterval(Duration.ofMillis(200))
        .until(() -> audit.total() == totalAfterFirst);
  }

  private static List<WorkItem> items(MonthOfWork step) {
    return step.phases().stream().flatMap(List::stream).toList();
  }

  private static String leadIdOf(WorkItem lead) {
    return LedgerClient.json().valueToTree(lead.body()).path("id").asText();
  }
}
