package io.fanzha.ledger.query.statistics;

import static io.fanzha.ledger.query.support.Events.by;
import static io.fanzha.ledger.query.support.Events.tracked;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fanzha.ledger.events.CampaignLaunched;
import io.fanzha.ledger.events.FraudCategory;
import io.fanzha.ledger.events.FraudLeadReported;
import io.fanzha.ledger.events.Location;
import io.fanzha.ledger.events.LocationKind;
import io.fanzha.ledger.events.MonthlyReportSubmitted;
import io.fanzha.ledger.events.PublicityFormat;
import io.fanzha.ledger.events.PublishEventHeld;
import io.fanzha.ledger.events.ReportStatistics;
import io.fanzha.ledger.events.Rulebook;
import io.fanzha.ledger.events.Suspect;
import io.fanzha.ledger.events.TargetGroup;
import io.fanzha.ledger.events.UnitKind;
import io.fanzha.ledger.events.UnitRegistered;
import io.fanzha.ledger.query.support.ReadModelStore;
import io.fanzha.ledger.query.web.BadQuery;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.EventMessage;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class StatisticsProjectionTest {

  private static final Map<String, String> STREET = by("street", "STREET_OFFICE", "s1");
  private static final YearMonth MARCH = YearMonth.parse("2026-03");
  private static final List<String> COLLECTIONS =
      List.of(StatisticsCampaign.COLLECTION, StatisticsUnit.COLLECTION, UnitMonth.COLLECTION);

  private static ReadModelStore store;
  private AnnotationEventHandlerAdapter projection;
  private Statistics statistics;
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
    projection = new AnnotationEventHandlerAdapter(new StatisticsProjection(store.template()));
    statistics = new Statistics(store.template());
    position = 0;
    handled.clear();
  }

  private void handle(Object payload, String at) throws Exception {
    EventMessage<?> event =
        tracked(++position, "Any", "any:" + position, 0, payload, Instant.parse(at), STREET);
    projection.handle(event);
    handled.add(event);
  }

  private List<List<Document>> readModel() {
    return COLLECTIONS.stream().map(store::raw).toList();
  }

  private static PublishEventHeld held(
      String id, String campaignId, String unit, String heldOn, int audience, Integer materials) {
    return new PublishEventHeld(
        id,
        campaignId,
        unit,
        LocalDate.parse(heldOn),
        new Location("广场", LocationKind.PARK),
        List.of(PublicityFormat.LEAFLET),
        List.of(TargetGroup.ELDERLY),
        audience,
        materials,
        null);
  }

  private static FraudLeadReported lead(String id, String unit, String campaignId, String on) {
    return new FraudLeadReported(
        id,
        unit,
        campaignId,
        LocalDate.parse(on),
        FraudCategory.ONLINE_LOAN,
        "loan app",
        new Suspect(List.of("13800000000"), null, null),
        null);
  }

  private static MonthlyReportSubmitted report(
      String unit, String month, ReportStatistics table, boolean late) {
    return new MonthlyReportSubmitted(
        "2026." + unit + "." + month,
        "2026",
        unit,
        YearMonth.parse(month),
        table,
        null,
        LocalDate.parse(month + "-30"),
        late);
  }

  /**
   * c1 in March: two events of 2026 (150 + 200 people, 400 + 0 materials), one of another campaign,
   * one in April; leads of 2026, of no campaign, of another campaign and of February. c1 reported
   * late, two people more than tallied; c2 reported on time, matching; c3 did nothing.
   */
  private void aStreetsMarch() throws Exception {
    handle(
        new UnitRegistered("c1", "东门社区", UnitKind.COMMUNITY, "s1", 8000), "2025-12-01T02:00:00Z");
    handle(
        new UnitRegistered("c2", "西门社区", UnitKind.COMMUNITY, "s1", 6000), "2025-12-01T02:00:00Z");
    handle(
        new CampaignLaunched(
            "2026",
            "2026年反诈宣传",
            "s1",
            LocalDate.parse("2026-01-01"),
            LocalDate.parse("2026-12-31"),
            30,
            LocalDate.parse("2026-12-30"),
            List.of("c1", "c2", "c3"),
            null,
            Rulebook.defaultRules()),
        "2025-12-20T02:00:00Z");
    handle(held("pe1", "2026", "c1", "2026-03-01", 150, 400), "2026-03-01T08:00:00Z");
    handle(held("pe2", "2026", "c1", "2026-03-31", 200, null), "2026-03-31T08:00:00Z");
    handle(held("pe3", "other", "c1", "2026-03-15", 999, 999), "2026-03-15T08:00:00Z");
    handle(held("pe4", "2026", "c1", "2026-04-01", 999, 999), "2026-04-01T08:00:00Z");
    handle(held("pe5", "2026", "c2", "2026-03-10", 80, 100), "2026-03-10T08:00:00Z");
    handle(lead("l1", "c1", "2026", "2026-03-04"), "2026-03-04T08:00:00Z");
    handle(lead("l2", "c1", null, "2026-03-05"), "2026-03-05T08:00:00Z");
    handle(lead("l3", "c1", "other", "2026-03-06"), "2026-03-06T08:00:00Z");
    handle(lead("l4", "c1", "2026", "2026-02-28"), "2026-03-06T08:00:00Z");
    handle(
        report("c1", "2026-03", new ReportStatistics(2, 352, 400, 10, 0, 0, 30, 2), true),
        "2026-04-02T08:00:00Z");
    handle(
        report("c2", "2026-03", new ReportStatistics(1, 80, 100, 0, 0, 0, 0, 0), false),
        "2026-03-30T08:00:00Z");
  }

  @Test
  void aMonthIsTalliedPerCommunityAndSetBesideItsReport() throws Exception {
    // Given
    aStreetsMarch();

    // When
    StatisticsTable table = statistics.table("2026", MARCH, null);

    // Then
    assertThat(table.campaignId()).isEqualTo("2026");
    assertThat(table.month()).isEqualTo("2026-03");
    assertThat(table.rows())
        .containsExactly(
            new StatisticsRow(
                "c1",
                "东门社区",
                new Tally(2, 350, 400, 2),
                new ReportStatistics(2, 352, 400, 10, 0, 0, 30, 2),
                true,
                Map.of("audienceReached", 2)),
            new StatisticsRow(
                "c2",
                "西门社区",
                new Tally(1, 80, 100, 0),
                new ReportStatistics(1, 80, 100, 0, 0, 0, 0, 0),
                false,
                Map.of()),
            new StatisticsRow("c3", null, new Tally(0, 0, 0, 0), null, false, Map.of()));
  }

  @Test
  void aUnitAccountSeesItsOwnRowOnly() throws Exception {
    // Given
    aStreetsMarch();

    // Then
    assertThat(statistics.table("2026", MARCH, "c2").rows())
        .extracting(StatisticsRow::unitId)
        .containsExactly("c2");
    assertThat(statistics.table("2026", MARCH, "bank1").rows()).isEmpty();
  }

  @Test
  void differencesAreReportedMinusTalliedForEachFieldThatDiffers() {
    // When
    Map<String, Integer> differences =
        Statistics.differences(
            new Tally(3, 300, 500, 2), new ReportStatistics(2, 320, 500, 9, 9, 9, 9, 0));

    // Then in the table's order
    assertThat(differences)
        .containsExactly(
            Map.entry("eventsHeld", -1),
            Map.entry("audienceReached", 20),
            Map.entry("leadsFound", -2));
  }

  @Test
  void theSameEventTwiceChangesNothing() throws Exception {
    // Given
    aStreetsMarch();
    List<List<Document>> before = readModel();
    StatisticsTable table = statistics.table("2026", MARCH, null);

    // When
    for (EventMessage<?> event : List.copyOf(handled)) {
      projection.handle(event);
    }

    // Then
    assertThat(readModel()).isEqualTo(before);
    assertThat(statistics.table("2026", MARCH, null)).isEqualTo(table);
  }

  @Test
  void aReplayRebuildsAnIdenticalReadModel() throws Exception {
    // Given
    aStreetsMarch();
    List<List<Document>> before = readModel();

    // When
    projection.prepareReset();
    assertThat(readModel()).allSatisfy(collection -> assertThat(collection).isEmpty());
    for (EventMessage<?> event : List.copyOf(handled)) {
      projection.handle(event);
    }

    // Then
    assertThat(readModel()).isEqualTo(before);
  }

  @Test
  void anUnknownCampaignOrAMonthOutsideItIsRefused() throws Exception {
    // Given
    aStreetsMarch();

    // Then
    assertThatThrownBy(() -> statistics.table("1999", MARCH, null))
        .isInstanceOf(NoSuchCampaign.class)
        .extracting("status")
        .isEqualTo(404);
    assertThatThrownBy(() -> statistics.table("2026", YearMonth.parse("2027-01"), null))
        .isInstanceOf(BadQuery.class)
        .extracting("status")
        .isEqualTo(400);
  }

  @Test
  void theCsvIsUtf8WithAByteOrderMarkAndChineseHeaders() throws Exception {
    // Given
    aStreetsMarch();

    // When
    byte[] csv = StatisticsFiles.csv(statistics.table("2026", MARCH, null));

    // Then
    assertThat(csv).startsWith(0xEF, 0xBB, 0xBF);
    String[] lines = new String(csv, StandardCharsets.UTF_8).substring(1).split("\r\n");
    assertThat(lines).hasSize(4);
    assertThat(lines[0]).startsWith("单位,单位编号,宣传活动场次（台账）,受众人数（台账）");
    assertThat(lines[1]).isEqualTo("东门社区,c1,2,350,400,2,2,352,400,10,0,0,30,2,逾期上报,受众人数 +2");
    assertThat(lines[2]).isEqualTo("西门社区,c2,1,80,100,0,1,80,100,0,0,0,0,0,按时上报,");
    assertThat(lines[3]).isEqualTo("c3,c3,0,0,0,0,,,,,,,,,未上报,");
  }

  @Test
  void csvFieldsAreQuotedAndNeverRunAsFormulas() {
    // Given a unit named like a formula, with a comma and a quote
    StatisticsTable table =
        new StatisticsTable(
            "2026",
            "2026-03",
            List.of(
                new StatisticsRow(
                    "c9", "=HYPERLINK(\"x\",1)", new Tally(0, 0, 0, 0), null, false, Map.of())));

    // When
    String csv = new String(StatisticsFiles.csv(table), StandardCharsets.UTF_8);

    // Then
    assertThat(csv.split("\r\n")[1]).startsWith("\"'=HYPERLINK(\"\"x\"\",1)\",c9,");
  }

  @Test
  void theWorkbookOpensWithItsTitleMonthHeadersAndNumbers() throws Exception {
    // Given
    aStreetsMarch();

    // When
    byte[] xlsx = StatisticsFiles.xlsx(statistics.table("2026", MARCH, null), "2026年反诈宣传");

    // Then
    try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
      Sheet sheet = workbook.getSheetAt(0);
      assertThat(sheet.getRow(0).getCell(0).getStringCellValue())
          .isEqualTo("开展打击防范电信诈骗犯罪活动宣传工作情况统计表");
      assertThat(sheet.getRow(1).getCell(0).getStringCellValue()).isEqualTo("月份：2026-03");
      assertThat(sheet.getRow(1).getCell(2).getStringCellValue()).isEqualTo("工作方案：2026年反诈宣传");
      assertThat(sheet.getRow(2).getCell(0).getStringCellValue()).isEqualTo("单位");
      assertThat(sheet.getRow(2).getCell(3).getStringCellValue()).isEqualTo("受众人数（台账）");
      Row c1 = sheet.getRow(3);
      assertThat(c1.getCell(0).getStringCellValue()).isEqualTo("东门社区");
      assertThat(c1.getCell(2).getNumericCellValue()).isEqualTo(2);
      assertThat(c1.getCell(3).getNumericCellValue()).isEqualTo(350);
      assertThat(c1.getCell(4).getNumericCellValue()).isEqualTo(400);
      assertThat(c1.getCell(5).getNumericCellValue()).isEqualTo(2);
      assertThat(c1.getCell(7).getNumericCellValue()).isEqualTo(352);
      assertThat(c1.getCell(14).getStringCellValue()).isEqualTo("逾期上报");
      assertThat(c1.getCell(15).getStringCellValue()).isEqualTo("受众人数 +2");
      Row c3 = sheet.getRow(5);
      assertThat(c3.getCell(1).getStringCellValue()).isEqualTo("c3");
      assertThat(c3.getCell(6)).isNull();
      assertThat(c3.getCell(14).getStringCellValue()).isEqualTo("未上报");
      assertThat(sheet.getLastRowNum()).isEqualTo(5);
    }
  }
}
