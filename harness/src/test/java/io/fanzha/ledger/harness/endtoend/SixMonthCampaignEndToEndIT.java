package io.fanzha.ledger.harness.endtoend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.fanzha.ledger.harness.client.AuditTrail;
import io.fanzha.ledger.harness.client.LedgerClient;
import io.fanzha.ledger.harness.client.LedgerResponse;
import io.fanzha.ledger.harness.demo.EvidencePhoto;
import io.fanzha.ledger.harness.stack.LedgerStack;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.assertj.core.api.SoftAssertions;
import org.assertj.core.api.junit.jupiter.SoftAssertionsExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Half a year of a street's campaign on the simulation clock: three communities, publicity events
 * with and without evidence, reports on time, late and never, leads the police file as cases, fraud
 * cases, penalties (one revoked), commendations beyond their cap, an overdue rectification and a
 * rulebook adopted for June. The scenario is recorded once through the command API, moving the
 * clock before each step; each test reads one checkpoint back from the query side and holds it to
 * the default rulebook of domain.md.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(SoftAssertionsExtension.class)
class SixMonthCampaignEndToEndIT {

  private static final Logger log = LoggerFactory.getLogger(SixMonthCampaignEndToEndIT.class);
  private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
  private static final DateTimeFormatter WITH_OFFSET =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssXXX");
  private static final String CAMPAIGN = "c27";
  private static final String XLSX =
      "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

  /** The events each rule's line must rest on, and those it may name besides. */
  private static final Map<String, Set<String>> REQUIRED_TYPES =
      Map.of(
          "PUBLICITY_MONTH_MISSED", Set.of("CampaignMonthClosed"),
          "EVIDENCE_MISSING", Set.of("PublishEventHeld", "EvidenceWindowClosed"),
          "REPORT_LATE", Set.of("MonthlyReportSubmitted"),
          "REPORT_MISSING", Set.of("ReportDeadlineMissed"),
          "RECTIFICATION_OVERDUE", Set.of("RectificationOverdue"),
          "PENALTY", Set.of("UnitPenalized"),
          "COMMENDATION", Set.of("UnitCommended"),
          "LEAD_CONFIRMED", Set.of("LeadOutcomeRecorded"),
          "CASE_RATE", Set.of("FraudCaseRecorded"));

  private static final Map<String, Set<String>> ALSO_ALLOWED_TYPES =
      Map.of(
          "REPORT_LATE", Set.of("ReportDeadlineMissed"),
          "RECTIFICATION_OVERDUE", Set.of("RectificationOrdered"),
          "PENALTY", Set.of("PenaltyRevoked"),
          "LEAD_CONFIRMED", Set.of("FraudLeadReported"));

  private LedgerStack stack;
  private LedgerClient command;
  private LedgerClient street;
  private LedgerClient police;
  private LedgerClient leader;
  private LedgerClient auditor;
  private Duration recording;

  /** What each report submission answered for {@code late}, by "unit month" or "unit year-end". */
  private final Map<String, Boolean> lateByReport = new TreeMap<>();

  /** The audit trail once the query side caught up, by event id. */
  private final Map<String, JsonNode> auditById = new HashMap<>();

  @BeforeAll
  void recordSixMonthsOfTheCampaign() {
    stack = TestStacks.simulated(SixMonthCampaignEndToEndIT.class);
    log.info("stack with profile sim started in {} ms", stack.startUpTime().toMillis());
    command = LedgerClient.of(stack.commandUrl());
    street = command.as("street", "street");
    police = command.as("police", "police");
    leader = LedgerClient.of(stack.queryUrl()).as("leader", "leader");
    auditor = LedgerClient.of(stack.queryUrl()).as("auditor", "auditor");
    long begin = System.nanoTime();

    at("2027-01-02T09:00");
    streetOffice().registers("s", "测试街道", "STREET_OFFICE", null, null);
    streetOffice().registers("a", "A社区", "COMMUNITY", "s", 10_000);
    streetOffice().registers("b", "B社区", "COMMUNITY", "s", 5_000);
    streetOffice().registers("c", "C社区", "COMMUNITY", "s", 10_000);
    for (String unit : List.of("a", "b", "c")) {
      streetOffice().opensCommunityAccount(unit);
    }
    streetOffice().launchesTheCampaign();

    // January: B's event has no evidence; B reports late, on 2 February
    at("2027-01-10T10:00");
    community("a").holds("a-01", "2027-01-10").withEvidence();
    at("2027-01-15T10:00");
    community("b").holds("b-01", "2027-01-15");
    at("2027-01-20T10:00");
    community("c").holds("c-01", "2027-01-20").withEvidence();
    at("2027-01-25T10:00");
    community("a").reports("2027-01");
    community("c").reports("2027-01");
    for (int n = 1; n <= 7; n++) {
      community("a").reportsLead("a-lead-" + n, "2027-01-25", "1380000000" + n);
    }

    // February
    at("2027-02-02T10:00");
    community("b").reports("2027-01");
    at("2027-02-05T10:00");
    for (String unit : List.of("a", "b", "c")) {
      community(unit).holds(unit + "-02", "2027-02-05").withEvidence();
    }
    at("2027-02-10T10:00");
    streetOffice().commends("a", "k1", 3);
    at("2027-02-20T10:00");
    everyCommunityReports("2027-02");

    // March: C holds nothing but reports an event; B never reports
    at("2027-03-03T10:00");
    community("a").holds("a-03", "2027-03-03").withEvidence();
    community("b").holds("b-03", "2027-03-03").withEvidence();
    at("2027-03-10T10:00");
    streetOffice().penalises("c", "p1", 3);
    at("2027-03-12T10:00");
    for (int n = 1; n <= 7; n++) {
      policeStation().filesACaseOnLead("a-lead-" + n);
    }
    at("2027-03-15T10:00");
    for (int n = 1; n <= 4; n++) {
      policeStation().recordsFraudCase("b-case-" + n, "b", "2027-03-0" + n);
    }
    for (int n = 1; n <= 6; n++) {
      policeStation().recordsFraudCase("a-case-" + n, "a", "2027-03-0" + n);
    }
    at("2027-03-20T10:00");
    community("a").reports("2027-03");
    community("c").reports("2027-03"); // the usual table: one event, 50 people, though none held

    // April: a rectification C never completes; p1 revoked
    at("2027-04-01T10:00");
    streetOffice().ordersRectification("r1", "c", "2027-04-15");
    at("2027-04-05T10:00");
    for (String unit : List.of("a", "b", "c")) {
      community(unit).holds(unit + "-04", "2027-04-05").withEvidence();
    }
    at("2027-04-20T10:00");
    streetOffice().revokes("p1");
    at("2027-04-25T10:00");
    everyCommunityReports("2027-04");

    // May: a commendation beyond the cap, a second penalty, new rules from June
    at("2027-05-08T10:00");
    for (String unit : List.of("a", "b", "c")) {
      community(unit).holds(unit + "-05", "2027-05-08").withEvidence();
    }
    at("2027-05-10T10:00");
    streetOffice().commends("a", "k2", 3);
    at("2027-05-12T10:00");
    streetOffice().penalises("c", "p2", 2);
    at("2027-05-20T10:00");
    streetOffice().adoptsRulebookWithPublicityMonthMissed("c27-2", "2027-06-01", 10);
    at("2027-05-25T10:00");
    everyCommunityReports("2027-05");

    // June, and the half year is over
    at("2027-06-06T10:00");
    for (String unit : List.of("a", "b", "c")) {
      community(unit).holds(unit + "-06", "2027-06-06").withEvidence();
    }
    at("2027-06-25T10:00");
    everyCommunityReports("2027-06");
    at("2027-06-26T10:00");
    for (String unit : List.of("a", "b", "c")) {
      community(unit).submitsYearEndReport();
    }
    at("2027-07-01T00:00");

    recording = Duration.ofNanos(System.nanoTime() - begin);
    awaitQuerySideCaughtUp();
    log.info(
        "six months recorded in {} ms; query side caught up {} ms later; {} audit entries",
        recording.toMillis(),
        Duration.ofNanos(System.nanoTime() - begin).minus(recording).toMillis(),
        auditById.size());
  }

  @AfterAll
  void stopStack() {
    if (stack != null) {
      stack.stop();
    }
  }

  @Test
  void januaryEndsWithBDeductedForAnEventWithoutEvidenceAndAMissingReport(SoftAssertions softly) {
    // Given the scenario recorded; when the scorecards of 31 January are read
    // Then B lost a point for b-01 and five for its January report, A and C lost nothing
    scorecard(softly, "a", "2027-01-31")
        .scores("100", "EXCELLENT", "default-1")
        .withPoints("BASE 100");
    scorecard(softly, "b", "2027-01-31")
        .scores("94", "PASS", "default-1")
        .withPoints("BASE 100, EVIDENCE_MISSING -1, REPORT_MISSING -5")
        .withPeriods("EVIDENCE_MISSING", "2027-01")
        .withPeriods("REPORT_MISSING", "2027-01")
        .restingOn("EVIDENCE_MISSING", "b-01")
        .restingOn("REPORT_MISSING", "2027-01");
    scorecard(softly, "c", "2027-01-31")
        .scores("100", "EXCELLENT", "default-1")
        .withPoints("BASE 100");
  }

  @Test
  void bsLateJanuaryReportReplacesTheMissingOne(SoftAssertions softly) {
    scorecard(softly, "b", "2027-02-02")
        .scores("97", "EXCELLENT", "default-1")
        .withPoints("BASE 100, EVIDENCE_MISSING -1, REPORT_LATE -2")
        .withPeriods("REPORT_LATE", "2027-01")
        .restingOn("REPORT_LATE", "2027-01");
  }

  @Test
  void midMarchCountsTheCommendationTheCappedLeadsAndBsCaseRate(SoftAssertions softly) {
    // A: 7 leads filed as cases earn 3 (not 3.5); 6 cases per 10,000 are not above 6
    scorecard(softly, "a", "2027-03-15")
        .scores("106", "EXCELLENT", "default-1")
        .withPoints("BASE 100, COMMENDATION 3, LEAD_CONFIRMED 3")
        .restingOn("COMMENDATION", "k1");
    // B: 4 cases in 5,000 residents are 8.0 per 10,000, above 7 but not above 8
    scorecard(softly, "b", "2027-03-15")
        .scores("91", "PASS", "default-1")
        .withPoints("BASE 100, EVIDENCE_MISSING -1, REPORT_LATE -2, CASE_RATE -6")
        .restingOn("CASE_RATE", "b-case-1", "b-case-2", "b-case-3", "b-case-4");
    scorecard(softly, "c", "2027-03-15")
        .scores("97", "EXCELLENT", "default-1")
        .withPoints("BASE 100, PENALTY -3")
        .restingOn("PENALTY", "p1");
  }

  @Test
  void midMarchLeadLinesNameEachFiledLead(SoftAssertions softly) {
    ScorecardCheck a = scorecard(softly, "a", "2027-03-15");
    softly
        .assertThat(a.subjectsOf("LEAD_CONFIRMED"))
        .as("the leads A's LEAD_CONFIRMED lines rest on")
        .isSubsetOf(
            "a-lead-1", "a-lead-2", "a-lead-3", "a-lead-4", "a-lead-5", "a-lead-6", "a-lead-7")
        .hasSizeGreaterThanOrEqualTo(6);
  }

  @Test
  void cFailsInMidAprilForAnEmptyMarchAndAnOverdueRectification(SoftAssertions softly) {
    scorecard(softly, "c", "2027-04-16")
        .scores("89", "FAIL", "default-1")
        .withPoints("BASE 100, PUBLICITY_MONTH_MISSED -5, PENALTY -3, RECTIFICATION_OVERDUE -3")
        .withPeriods("PUBLICITY_MONTH_MISSED", "2027-03")
        .restingOn("PUBLICITY_MONTH_MISSED", "2027-03")
        .restingOn("RECTIFICATION_OVERDUE", "r1");
  }

  @Test
  void aRectificationIsNotOverdueBeforeItsDueDayEnds(SoftAssertions softly) {
    scorecard(softly, "c", "2027-04-15")
        .scores("92", "PASS", "default-1")
        .withPoints("BASE 100, PUBLICITY_MONTH_MISSED -5, PENALTY -3");
  }

  @Test
  void aRevokedPenaltyNoLongerCounts(SoftAssertions softly) {
    scorecard(softly, "c", "2027-04-20")
        .scores("92", "PASS", "default-1")
        .withPoints("BASE 100, PUBLICITY_MONTH_MISSED -5, RECTIFICATION_OVERDUE -3");
  }

  @Test
  void endOfMayStillScoresUnderTheDefaultRulebook(SoftAssertions softly) {
    // A: +3 and +2 of the second commendation's 3, the yearly cap being 5
    scorecard(softly, "a", "2027-05-31")
        .scores("108", "EXCELLENT", "default-1")
        .withPoints("BASE 100, COMMENDATION 5, LEAD_CONFIRMED 3")
        .restingOn("COMMENDATION", "k1", "k2");
    scorecard(softly, "b", "2027-05-31")
        .scores("86", "FAIL", "default-1")
        .withPoints(
            "BASE 100, EVIDENCE_MISSING -1, REPORT_LATE -2, REPORT_MISSING -5, CASE_RATE -6")
        .withPeriods("REPORT_MISSING", "2027-03")
        .restingOn("REPORT_MISSING", "2027-03");
    scorecard(softly, "c", "2027-05-31")
        .scores("90", "PASS", "default-1")
        .withPoints("BASE 100, PUBLICITY_MONTH_MISSED -5, RECTIFICATION_OVERDUE -3, PENALTY -2")
        .restingOn("PENALTY", "p2");
    standings(softly, "2027-05-31").ranks("a", "108", 1, "c", "90", 2, "b", "86", 3);
  }

  @Test
  void fromJuneTheAdoptedRulebookDoublesTheMissedPublicityMonth(SoftAssertions softly) {
    for (String asOf : new String[] {"2027-07-01", null}) {
      scorecard(softly, "a", asOf)
          .scores("108", "EXCELLENT", "c27-2")
          .withPoints("BASE 100, COMMENDATION 5, LEAD_CONFIRMED 3");
      scorecard(softly, "b", asOf)
          .scores("86", "FAIL", "c27-2")
          .withPoints(
              "BASE 100, EVIDENCE_MISSING -1, REPORT_LATE -2, REPORT_MISSING -5, CASE_RATE -6");
      scorecard(softly, "c", asOf)
          .scores("85", "FAIL", "c27-2")
          .withPoints("BASE 100, PUBLICITY_MONTH_MISSED -10, RECTIFICATION_OVERDUE -3, PENALTY -2");
      standings(softly, asOf).ranks("a", "108", 1, "b", "86", 2, "c", "85", 3);
    }
  }

  @Test
  void onlyBsJanuaryReportCameInLate(SoftAssertions softly) {
    // 17 monthly reports (B none for March) and 3 year-end reports
    softly.assertThat(lateByReport).containsEntry("b 2027-01", true).hasSize(17 + 3);
    lateByReport.forEach(
        (report, late) -> {
          if (!report.equals("b 2027-01")) {
            softly.assertThat(late).as("late of %s", report).isFalse();
          }
        });
  }

  @Test
  void marchStatisticsShowWhatCReportedBeyondWhatItHeld(SoftAssertions softly) {
    LedgerResponse answer = street().get(statisticsPath("2027-03"));
    assertThat(answer.status()).as("%s", answer).isEqualTo(200);
    Map<String, JsonNode> rows = new HashMap<>();
    answer.body().path("rows").forEach(row -> rows.put(row.path("unitId").asText(), row));
    assertThat(rows).as("rows of %s", answer.body()).containsOnlyKeys("a", "b", "c");

    JsonNode a = rows.get("a");
    JsonNode b = rows.get("b");
    JsonNode c = rows.get("c");
    softly.assertThat(a.at("/tally/eventsHeld").asInt(-1)).as("A tally eventsHeld").isEqualTo(1);
    softly.assertThat(b.at("/tally/eventsHeld").asInt(-1)).as("B tally eventsHeld").isEqualTo(1);
    softly.assertThat(c.at("/tally/eventsHeld").asInt(-1)).as("C tally eventsHeld").isEqualTo(0);
    softly
        .assertThat(a.at("/tally/audienceReached").asInt(-1))
        .as("A tally audience")
        .isEqualTo(50);
    softly
        .assertThat(b.at("/tally/audienceReached").asInt(-1))
        .as("B tally audience")
        .isEqualTo(50);
    softly.assertThat(c.at("/tally/audienceReached").asInt(-1)).as("C tally audience").isEqualTo(0);

    softly.assertThat(a.path("reported").isObject()).as("A reported March: %s", a).isTrue();
    softly.assertThat(a.path("reportLate").asBoolean(true)).as("A's report late").isFalse();
    softly.assertThat(a.path("differences").size()).as("A's differences: %s", a).isZero();
    softly
        .assertThat(b.path("reported").isNull() || b.path("reported").isMissingNode())
        .as("B has no March report: %s", b)
        .isTrue();
    softly.assertThat(c.at("/reported/eventsHeld").asInt(-1)).as("C reported").isEqualTo(1);
    softly.assertThat(c.at("/reported/audienceReached").asInt(-1)).isEqualTo(50);
    softly.assertThat(c.path("reportLate").asBoolean(true)).as("C's report late").isFalse();
    softly.assertThat(c.at("/differences/eventsHeld").asInt(0)).as("C: %s", c).isEqualTo(1);
    softly.assertThat(c.at("/differences/audienceReached").asInt(0)).as("C: %s", c).isEqualTo(50);
  }

  @Test
  void marchStatisticsWorkbookShowsTheSameNumbersInCsRow(SoftAssertions softly) throws IOException {
    HttpResponse<byte[]> answer = download(statisticsPath("2027-03"), XLSX);
    assertThat(answer.statusCode()).isEqualTo(200);
    assertThat(answer.headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith(XLSX));

    try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(answer.body()))) {
      Sheet sheet = workbook.getSheetAt(0);
      Row header = rowHolding(sheet, "单位编号");
      assertThat(header).as("a header row naming 单位编号").isNotNull();
      int unitColumn = column(header, "单位编号");
      int tallyEvents = column(header, "宣传活动场次", "台账");
      int tallyAudience = column(header, "受众人数", "台账");
      int reportedEvents = column(header, "宣传活动场次", "上报");
      int reportedAudience = column(header, "受众人数", "上报");
      int differences = column(header, "差异");

      Map<String, Row> rows = new HashMap<>();
      for (int r = header.getRowNum() + 1; r <= sheet.getLastRowNum(); r++) {
        Row row = sheet.getRow(r);
        if (row != null) {
          rows.put(text(row.getCell(unitColumn)), row);
        }
      }
      assertThat(rows).containsKeys("a", "b", "c");
      Row c = rows.get("c");
      softly.assertThat(number(c.getCell(tallyEvents))).as("C 宣传活动场次（台账）").isEqualTo(0);
      softly.assertThat(number(c.getCell(tallyAudience))).as("C 受众人数（台账）").isEqualTo(0);
      softly.assertThat(number(c.getCell(reportedEvents))).as("C 宣传活动场次（上报）").isEqualTo(1);
      softly.assertThat(number(c.getCell(reportedAudience))).as("C 受众人数（上报）").isEqualTo(50);
      softly
          .assertThat(text(c.getCell(differences)))
          .as("C 差异")
          .contains("宣传活动场次 +1")
          .contains("受众人数 +50");
      Row a = rows.get("a");
      softly.assertThat(number(a.getCell(tallyEvents))).as("A 宣传活动场次（台账）").isEqualTo(1);
      softly.assertThat(number(a.getCell(tallyAudience))).as("A 受众人数（台账）").isEqualTo(50);
      Row b = rows.get("b");
      softly.assertThat(number(b.getCell(tallyEvents))).as("B 宣传活动场次（台账）").isEqualTo(1);
      softly.assertThat(text(b.getCell(reportedEvents))).as("B reported nothing").isEmpty();
    }
  }

  // ---------------------------------------------------------------- the scenario's language

  /** Moves the simulation clock to a local time in Asia/Shanghai. */
  private void at(String localDateTime) {
    String now = LocalDateTime.parse(localDateTime).atZone(SHANGHAI).format(WITH_OFFSET);
    LedgerResponse moved = street.put("/admin/clock", Map.of("now", now));
    assertThat(moved.status()).as("PUT /admin/clock %s: %s", now, moved).isEqualTo(200);
    assertThat(Instant.parse(moved.text("now"))).isEqualTo(Instant.from(WITH_OFFSET.parse(now)));
  }

  private StreetOffice streetOffice() {
    return new StreetOffice();
  }

  private PoliceStation policeStation() {
    return new PoliceStation();
  }

  private Community community(String unitId) {
    return new Community(unitId);
  }

  private void everyCommunityReports(String month) {
    for (String unit : List.of("a", "b", "c")) {
      community(unit).reports(month);
    }
  }

  private final class StreetOffice {

    void registers(String id, String name, String kind, String parentId, Integer population) {
      Map<String, Object> unit = new LinkedHashMap<>();
      unit.put("id", id);
      unit.put("name", name);
      unit.put("kind", kind);
      if (parentId != null) {
        unit.put("parentId", parentId);
        unit.put("population", population);
      }
      expect(201, street.post("/api/units", unit));
    }

    void opensCommunityAccount(String unitId) {
      expect(
          201,
          street.post(
              "/api/accounts",
              Map.of(
                  "username",
                  unitId + "-staff",
                  "password",
                  unitId + "-staff-pw",
                  "role",
                  "COMMUNITY",
                  "unitId",
                  unitId)));
    }

    void launchesTheCampaign() {
      Map<String, Object> campaign = new LinkedHashMap<>();
      campaign.put("id", CAMPAIGN);
      campaign.put("title", "2027年上半年防范电信诈骗宣传工作方案");
      campaign.put("jurisdictionUnitId", "s");
      campaign.put("startDate", "2027-01-01");
      campaign.put("endDate", "2027-06-30");
      campaign.put("monthlyReportDueDay", 30);
      campaign.put("yearEndReportDue", "2027-06-28");
      campaign.put("communityIds", List.of("a", "b", "c"));
      expect(201, street.post("/api/campaigns", campaign));
    }

    void commends(String unitId, String id, int points) {
      expect(
          201,
          street.post(
              "/api/commendations",
              Map.of(
                  "id", id,
                  "campaignId", CAMPAIGN,
                  "unitId", unitId,
                  "points", points,
                  "reason", "宣传形式新颖，群众反响好。")));
    }

    void penalises(String unitId, String id, int points) {
      expect(
          201,
          street.post(
              "/api/penalties",
              Map.of(
                  "id", id,
                  "campaignId", CAMPAIGN,
                  "unitId", unitId,
                  "points", points,
                  "reasonCode", "POOR_WORK",
                  "description", "抽查发现宣传工作流于形式。",
                  "basisEventIds", List.of())));
    }

    void revokes(String penaltyId) {
      expect(
          200,
          street.post("/api/penalties/" + penaltyId + "/revocation", Map.of("reason", "复核后撤销。")));
    }

    void ordersRectification(String id, String unitId, String dueDate) {
      expect(
          201,
          street.post(
              "/api/rectifications",
              Map.of(
                  "id", id,
                  "campaignId", CAMPAIGN,
                  "unitId", unitId,
                  "requirement", "补齐三月宣传活动及佐证材料。",
                  "dueDate", dueDate)));
    }

    /** The default rulebook but for the points a month without publicity costs. */
    void adoptsRulebookWithPublicityMonthMissed(
        String version, String effectiveFrom, int publicityMonthMissed) {
      Map<String, Object> rulebook = new LinkedHashMap<>();
      rulebook.put("version", version);
      rulebook.put("basePoints", 100);
      rulebook.put("publicityMonthMissed", publicityMonthMissed);
      rulebook.put("evidenceMissing", 1);
      rulebook.put("evidenceWindowDays", 7);
      rulebook.put("reportLate", 2);
      rulebook.put("reportMissing", 5);
      rulebook.put("rectificationOverdue", 3);
      rulebook.put("commendationCapPerYear", 5);
      rulebook.put("leadConfirmed", new BigDecimal("0.5"));
      rulebook.put("leadConfirmedCapPerYear", 3);
      rulebook.put(
          "caseRateBands",
          List.of(
              Map.of("casesPerTenThousandAbove", 6, "points", 3),
              Map.of("casesPerTenThousandAbove", 7, "points", 6),
              Map.of("casesPerTenThousandAbove", 8, "points", 10)));
      rulebook.put("excellentFrom", 95);
      rulebook.put("passFrom", 90);
      expect(
          200,
          street.post(
              "/api/campaigns/" + CAMPAIGN + "/rulebook",
              Map.of("effectiveFrom", effectiveFrom, "rulebook", rulebook)));
    }
  }

  private final class PoliceStation {

    void filesACaseOnLead(String leadId) {
      expect(
          200,
          police.post(
              "/api/fraud-leads/" + leadId + "/outcome",
              Map.of("outcome", "CASE_FILED", "note", "已立案。")));
    }

    void recordsFraudCase(String id, String communityId, String occurredOn) {
      expect(
          201,
          police.post(
              "/api/fraud-cases",
              Map.of(
                  "id", id,
                  "communityId", communityId,
                  "occurredOn", occurredOn,
                  "category", "FAKE_INVESTMENT",
                  "lossYuan", 1000)));
    }
  }

  private final class Community {

    private final String unitId;
    private final LedgerClient staff;

    Community(String unitId) {
      this.unitId = unitId;
      this.staff = command.as(unitId + "-staff", unitId + "-staff-pw");
    }

    PublicityEvent holds(String id, String heldOn) {
      Map<String, Object> event = new LinkedHashMap<>();
      event.put("id", id);
      event.put("campaignId", CAMPAIGN);
      event.put("unitId", unitId);
      event.put("heldOn", heldOn);
      event.put("location", Map.of("name", "社区公园", "kind", "PARK"));
      event.put("formats", List.of("BANNER"));
      event.put("targetGroups", List.of("ELDERLY"));
      event.put("audienceCount", 50);
      event.put("materialsDistributed", 20);
      expect(201, staff.post("/api/publish-events", event));
      return new PublicityEvent(staff, id);
    }

    void reports(String month) {
      Map<String, Object> report = new LinkedHashMap<>();
      report.put("campaignId", CAMPAIGN);
      report.put("unitId", unitId);
      report.put("month", month);
      report.put("statistics", usualStatistics());
      report.put("summary", month + " 阶段小结");
      LedgerResponse answer = expect(201, staff.post("/api/monthly-reports", report));
      lateByReport.put(unitId + " " + month, late(answer));
    }

    void submitsYearEndReport() {
      LedgerResponse answer =
          expect(
              201,
              staff.post(
                  "/api/year-end-reports",
                  Map.of(
                      "campaignId",
                      CAMPAIGN,
                      "unitId",
                      unitId,
                      "statistics",
                      usualStatistics(),
                      "summary",
                      "上半年工作总结")));
      lateByReport.put(unitId + " year-end", late(answer));
    }

    void reportsLead(String id, String discoveredOn, String phone) {
      expect(
          201,
          staff.post(
              "/api/fraud-leads",
              Map.of(
                  "id", id,
                  "reportingUnitId", unitId,
                  "campaignId", CAMPAIGN,
                  "discoveredOn", discoveredOn,
                  "category", "ORDER_BRUSHING",
                  "summary", "走访中居民反映被拉入刷单返利群。",
                  "suspect",
                      Map.of("phones", List.of(phone), "accounts", List.of(), "urls", List.of()))));
    }

    private boolean late(LedgerResponse answer) {
      assertThat(answer.body().path("late").isBoolean()).as("late in %s", answer).isTrue();
      return answer.body().path("late").asBoolean();
    }
  }

  private record PublicityEvent(LedgerClient staff, String id) {

    /** Uploads a photo of the event at the current time. */
    void withEvidence() {
      EvidencePhoto photo = new EvidencePhoto(id.hashCode(), "png", 160, 120);
      expect(
          201,
          staff.upload(
              "/api/publish-events/" + id + "/evidence",
              id + ".png",
              photo.mediaType(),
              photo.bytes(),
              Map.of("kind", "PHOTO")));
    }
  }

  private static Map<String, Object> usualStatistics() {
    Map<String, Object> statistics = new LinkedHashMap<>();
    statistics.put("eventsHeld", 1);
    statistics.put("audienceReached", 50);
    statistics.put("materialsDistributed", 20);
    statistics.put("postersPut", 0);
    statistics.put("smsSent", 0);
    statistics.put("screenBroadcasts", 0);
    statistics.put("householdsVisited", 0);
    statistics.put("leadsFound", 0);
    return statistics;
  }

  private static LedgerResponse expect(int status, LedgerResponse answer) {
    assertThat(answer.status()).as("answer %s", answer).isEqualTo(status);
    return answer;
  }

  // ---------------------------------------------------------------- reading it back

  private LedgerClient street() {
    return LedgerClient.of(stack.queryUrl()).as("street", "street");
  }

  /**
   * Waits until the audit trail has stood still for longer than a deadline sweep and the scorecards
   * have seen the newest event in it, then keeps the trail.
   */
  private void awaitQuerySideCaughtUp() {
    AuditTrail audit = new AuditTrail(auditor);
    TestStacks.settledAuditTotal(audit);
    List<JsonNode> entries = audit.entries(Map.of());
    entries.forEach(entry -> auditById.put(entry.path("eventId").asText(), entry));
    LocalDate newest =
        entries.stream()
            .map(entry -> Instant.parse(entry.path("occurredAt").asText()))
            .max(Instant::compareTo)
            .map(at -> LocalDate.ofInstant(at, SHANGHAI))
            .orElseThrow();
    await()
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(200))
        .pollDelay(Duration.ZERO)
        .untilAsserted(
            () -> {
              for (String unit : List.of("a", "b", "c")) {
                LedgerResponse card = leader.get("/api/scorecards/" + CAMPAIGN + "/" + unit);
                assertThat(card.status()).as("%s", card).isEqualTo(200);
                assertThat(card.text("asOf")).isEqualTo(newest.toString());
              }
            });
  }

  private ScorecardCheck scorecard(SoftAssertions softly, String unitId, String asOf) {
    String path =
        "/api/scorecards/"
            + CAMPAIGN
            + "/"
            + unitId
            + (asOf == null ? "" : LedgerClient.query(LedgerClient.params("asOf", asOf)));
    LedgerResponse answer = leader.get(path);
    assertThat(answer.status()).as("GET %s: %s", path, answer).isEqualTo(200);
    log.info("GET {} → {}", path, answer.body());
    ScorecardCheck check = new ScorecardCheck(softly, unitId + " as of " + asOf, answer.body());
    check.restsOnRecordedEventsOfTheRightTypes(unitId);
    return check;
  }

  private StandingsCheck standings(SoftAssertions softly, String asOf) {
    String path =
        "/api/scorecards"
            + LedgerClient.query(LedgerClient.params("campaignId", CAMPAIGN, "asOf", asOf));
    LedgerResponse answer = leader.get(path);
    assertThat(answer.status()).as("GET %s: %s", path, answer).isEqualTo(200);
    log.info("GET {} → {}", path, answer.body());
    return new StandingsCheck(softly, "standings as of " + asOf, answer.body());
  }

  /** One community's scorecard, checked softly so a run lists every disagreement at once. */
  private final class ScorecardCheck {

    private final SoftAssertions softly;
    private final String name;
    private final JsonNode card;

    ScorecardCheck(SoftAssertions softly, String name, JsonNode card) {
      this.softly = softly;
      this.name = name;
      this.card = card;
    }

    ScorecardCheck scores(String score, String grade, String rulebookVersion) {
      softly
          .assertThat(points(card.path("score").asText()))
          .as("%s: score", name)
          .isEqualTo(points(score));
      softly.assertThat(card.path("grade").asText()).as("%s: grade", name).isEqualTo(grade);
      softly
          .assertThat(card.path("rulebookVersion").asText())
          .as("%s: rulebookVersion", name)
          .isEqualTo(rulebookVersion);
      return this;
    }

    /**
     * The points of the lines summed per rule, exactly these rules: {@code "BASE 100, PENALTY -3"}.
     */
    ScorecardCheck withPoints(String rulesAndPoints) {
      Map<String, BigDecimal> expected = new TreeMap<>();
      for (String rule : rulesAndPoints.split(",")) {
        String[] nameAndPoints = rule.trim().split(" ");
        expected.put(nameAndPoints[0], points(nameAndPoints[1]));
      }
      Map<String, BigDecimal> actual = new TreeMap<>();
      for (JsonNode line : card.path("lines")) {
        actual.merge(
            line.path("rule").asText(), points(line.path("points").asText()), BigDecimal::add);
      }
      actual.replaceAll((rule, sum) -> points(sum.toPlainString()));
      softly.assertThat(actual).as("%s: points per rule in %s", name, card).isEqualTo(expected);
      return this;
    }

    ScorecardCheck withPeriods(String rule, String... periods) {
      List<String> actual = new ArrayList<>();
      for (JsonNode line : linesOf(rule)) {
        actual.add(line.path("period").asText(null));
      }
      softly.assertThat(actual).as("%s: periods of %s", name, rule).containsExactly(periods);
      return this;
    }

    /**
     * The ids of what the rule's lines rest on (publicity event, penalty, commendation, case, lead,
     * rectification, or report month) as the audited payloads name them.
     */
    ScorecardCheck restingOn(String rule, String... subjects) {
      softly
          .assertThat(subjectsOf(rule))
          .as("%s: what the %s lines rest on", name, rule)
          .containsExactlyInAnyOrder(subjects);
      return this;
    }

    Set<String> subjectsOf(String rule) {
      Set<String> subjects = new LinkedHashSet<>();
      for (JsonNode line : linesOf(rule)) {
        for (JsonNode eventId : line.path("eventIds")) {
          JsonNode entry = auditById.get(eventId.asText());
          if (entry != null) {
            subjects.add(subjectOf(entry.path("payload")));
          }
        }
      }
      return subjects;
    }

    /**
     * Every line but BASE names events; each is in the audit trail, has a type the rule rests on,
     * and concerns this community (or, for a closed month, the campaign).
     */
    void restsOnRecordedEventsOfTheRightTypes(String unitId) {
      for (JsonNode line : card.path("lines")) {
        String rule = line.path("rule").asText();
        if (rule.equals("BASE")) {
          continue;
        }
        List<String> ids = new ArrayList<>();
        line.path("eventIds").forEach(id -> ids.add(id.asText()));
        softly.assertThat(ids).as("%s: eventIds of %s", name, line).isNotEmpty();
        Set<String> types = new LinkedHashSet<>();
        for (String id : ids) {
          JsonNode entry = auditById.get(id);
          softly.assertThat(entry).as("%s: audit entry %s of %s", name, id, line).isNotNull();
          if (entry == null) {
            continue;
          }
          types.add(FourFactsEndToEndIT.shortType(entry.path("type").asText()));
          JsonNode payload = entry.path("payload");
          String concerns =
              firstText(payload, "unitId", "communityId", "reportingUnitId", "campaignId");
          softly
              .assertThat(concerns)
              .as("%s: whom %s (%s) concerns", name, id, entry.path("type").asText())
              .isIn(unitId, CAMPAIGN);
        }
        Set<String> required = REQUIRED_TYPES.getOrDefault(rule, Set.of());
        Set<String> allowed = new LinkedHashSet<>(required);
        allowed.addAll(ALSO_ALLOWED_TYPES.getOrDefault(rule, Set.of()));
        softly.assertThat(types).as("%s: event types of %s", name, line).containsAll(required);
        softly.assertThat(types).as("%s: event types of %s", name, line).isSubsetOf(allowed);
      }
    }

    private List<JsonNode> linesOf(String rule) {
      List<JsonNode> lines = new ArrayList<>();
      card.path("lines")
          .forEach(
              l -> {
                if (rule.equals(l.path("rule").asText())) {
                  lines.add(l);
                }
              });
      return lines;
    }
  }

  /** The ranking of the campaign's communities. */
  private record StandingsCheck(SoftAssertions softly, String name, JsonNode rows) {

    /** Triples of unit, score and rank, best first. */
    void ranks(Object... unitScoreRank) {
      List<String> expected = new ArrayList<>();
      for (int i = 0; i + 2 < unitScoreRank.length; i += 3) {
        expected.add(
            unitScoreRank[i]
                + " "
                + points((String) unitScoreRank[i + 1])
                + " #"
                + unitScoreRank[i + 2]);
      }
      List<String> actual = new ArrayList<>();
      for (JsonNode row : rows) {
        actual.add(
            row.path("unitId").asText()
                + " "
                + points(row.path("score").asText())
                + " #"
                + row.path("rank").asInt());
      }
      softly.assertThat(actual).as("%s: %s", name, rows).containsExactlyElementsOf(expected);
    }
  }

  /** The id of what an audited fact is about, as its payload names it. */
  private static String subjectOf(JsonNode payload) {
    return firstText(
        payload,
        "publishEventId",
        "penaltyId",
        "commendationId",
        "caseId",
        "leadId",
        "rectificationId",
        "month");
  }

  private static String firstText(JsonNode node, String... fields) {
    for (String field : fields) {
      JsonNode value = node.path(field);
      if (value.isValueNode() && !value.isNull()) {
        return value.asText();
      }
    }
    return null;
  }

  /** Points compared by value: 3, 3.0 and 3.00 are the same. */
  private static BigDecimal points(String value) {
    BigDecimal stripped = new BigDecimal(value).stripTrailingZeros();
    return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
  }

  private static String statisticsPath(String month) {
    return "/api/campaigns/"
        + CAMPAIGN
        + "/statistics"
        + LedgerClient.query(LedgerClient.params("month", month));
  }

  /** A file answer as its bytes: the ledger client reads bodies as JSON or text. */
  private HttpResponse<byte[]> download(String path, String accept) {
    String basic =
        Base64.getEncoder().encodeToString("street:street".getBytes(StandardCharsets.UTF_8));
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(stack.queryUrl() + path))
            .header("Authorization", "Basic " + basic)
            .header("Accept", accept)
            .timeout(Duration.ofSeconds(30))
            .GET()
            .build();
    try {
      return HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .build()
          .send(request, HttpResponse.BodyHandlers.ofByteArray());
    } catch (IOException e) {
      throw new IllegalStateException("GET " + path + " failed", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted during GET " + path, e);
    }
  }

  private static Row rowHolding(Sheet sheet, String text) {
    for (Row row : sheet) {
      for (Cell cell : row) {
        if (text.equals(text(cell))) {
          return row;
        }
      }
    }
    return null;
  }

  /** The first column whose header holds every one of {@code words}. */
  private static int column(Row header, String... words) {
    for (Cell cell : header) {
      String title = text(cell);
      if (List.of(words).stream().allMatch(title::contains)) {
        return cell.getColumnIndex();
      }
    }
    throw new AssertionError("no column headed with " + List.of(words) + " in " + cells(header));
  }

  private static List<String> cells(Row row) {
    List<String> texts = new ArrayList<>();
    row.forEach(cell -> texts.add(text(cell)));
    return texts;
  }

  private static String text(Cell cell) {
    if (cell == null) {
      return "";
    }
    return cell.getCellType() == CellType.NUMERIC
        ? BigDecimal.valueOf(cell.getNumericCellValue()).stripTrailingZeros().toPlainString()
        : cell.getStringCellValue();
  }

  private static Integer number(Cell cell) {
    if (cell == null || cell.getCellType() != CellType.NUMERIC) {
      return null;
    }
    return (int) cell.getNumericCellValue();
  }
}
