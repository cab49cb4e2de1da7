package io.fanzha.ledger.harness.endtoend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.fanzha.ledger.harness.client.AuditTrail;
import io.fanzha.ledger.harness.client.LedgerClient;
import io.fanzha.ledger.harness.demo.DemoYear;
import io.fanzha.ledger.harness.demo.DemoYear.Loaded;
import io.fanzha.ledger.harness.demo.StreetPlan.Account;
import io.fanzha.ledger.harness.stack.LedgerStack;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.Month;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer.OrderAnnotation;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The dashboard in a real browser: Debian's Chromium, headless, driven through chromedriver, on the
 * demo street (January to June) recorded through the API. The page loads with the demo data; every
 * chart's canvas has drawn pixels; the ranking, the tiles and every heatmap cell agree with what
 * the scorecard API answers; a community's drill-down shows its scorecard lines with links to the
 * events they rest on and photos of its publicity events; and a lead recorded through the API shows
 * in the funnel within two seconds, on the same page, without a reload. It saves a screenshot at
 * 1366×768 ({@code target/dashboard.png}, and where {@code -Dfanzha.dashboard.screenshot=} names a
 * file, there too: how {@code docs/dashboard.png} is made).
 *
 * <p>Skipped where Chromium or chromedriver is missing, except under {@code CI=true}, where it must
 * run ({@code .ci/run} installs them).
 */
@TestMethodOrder(OrderAnnotation.class)
class DashboardBrowserEndToEndIT {

  private static final Logger log = LoggerFactory.getLogger(DashboardBrowserEndToEndIT.class);
  private static final Path CHROMIUM =
      Path.of(System.getProperty("fanzha.chromium", "/usr/bin/chromium"));
  private static final Path CHROMEDRIVER =
      Path.of(System.getProperty("fanzha.chromedriver", "/usr/bin/chromedriver"));
  private static final List<String> CHARTS =
      List.of("chart-ranking", "chart-heatmap", "chart-trend", "chart-funnel", "chart-groups");
  private static final Duration LIVE_WITHIN = Duration.ofSeconds(2);

  private static LedgerStack stack;
  private static DemoYear demo;
  private static ChromeDriver browser;
  private static Path profile;
  private static LedgerClient leader;

  @BeforeAll
  static void startTheStackLoadTheDemoStreetAndOpenABrowser() throws IOException {
    boolean present = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
    if (!present) {
      if ("true".equalsIgnoreCase(System.getenv("CI"))) {
        throw new IllegalStateException(
            "Chromium and chromedriver must be installed in CI: " + CHROMIUM + ", " + CHROMEDRIVER);
      }
      Assumptions.abort("no Chromium or chromedriver at " + CHROMIUM + ", " + CHROMEDRIVER);
    }
    stack = TestStacks.simulated(DashboardBrowserEndToEndIT.class);
    LedgerClient street = LedgerClient.of(stack.commandUrl()).as("street", "street");
    int clockYear = OffsetDateTime.parse(street.get("/admin/clock").text("now")).getYear();
    demo = new DemoYear(clockYear + 1, Month.JUNE);
    AuditTrail audit = new AuditTrail(LedgerClient.of(stack.queryUrl()).as("auditor", "auditor"));
    Loaded loaded = demo.load(LedgerClient.of(stack.commandUrl()), audit);
    assertThat(loaded.refusals()).isEmpty();
    TestStacks.settledAuditTotal(audit);
    leader = LedgerClient.of(stack.queryUrl()).as("leader", "leader");

    profile = Files.createTempDirectory("dashboard-chromium-");
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments(
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-dev-shm-usage",
        "--user-data-dir=" + profile,
        "--window-size=1366,768",
        "--lang=zh-CN");
    // the page's console, for the log when a step fails
    options.setCapability("goog:loggingPrefs", Map.of("browser", "ALL"));
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(CHROMEDRIVER.toFile())
            .usingAnyFreePort()
            .build();
    browser = new ChromeDriver(service, options);
    browser.manage().timeouts().scriptTimeout(Duration.ofSeconds(10));
    // The leader's HTTP Basic credentials on every request of the page (fetch and EventSource
    // included), as a browser sends them once the user has answered the login prompt.
    browser.executeCdpCommand("Network.enable", Map.of());
    String basic =
        Base64.getEncoder().encodeToString("leader:leader".getBytes(StandardCharsets.UTF_8));
    browser.executeCdpCommand(
        "Network.setExtraHTTPHeaders",
        Map.of("headers", Map.of("Authorization", "Basic " + basic)));
  }

  @AfterAll
  static void closeTheBrowserAndStopTheStack() throws IOException {
    if (browser != null) {
      browser.quit();
    }
    if (stack != null) {
      stack.stop();
    }
    if (profile != null) {
      try (var files = Files.walk(profile)) {
        files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }

  @Test
  @Order(1)
  void thePageLoadsTheDemoStreetAndEveryChartDraws() throws IOException {
    // When a leader opens the dashboard
    long opening = System.nanoTime();
    browser.get(stack.queryUrl().resolve("/dashboard").toString());
    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> "true".equals(js("return document.body.dataset.loaded || ''")));
    for (String chart : CHARTS) {
      await().atMost(Duration.ofSeconds(10)).until(() -> drawnPixels(chart) > 2_000);
    }
    log.info(
        "dashboard loaded and drawn in {} ms",
        Duration.ofNanos(System.nanoTime() - opening).toMillis());

    // Then it is in Chinese, for the demo campaign, with a row per community
    assertThat(browser.findElement(By.tagName("h1")).getText()).contains("领导驾驶舱");
    assertThat(browser.findElement(By.id("campaign")).getAttribute("value"))
        .isEqualTo(demo.campaignId());
    List<Map<String, String>> ranking = rankingOnThePage();
    assertThat(ranking).hasSize(demo.communities().size());

    // And every chart has drawn: pixels on its canvas, not just the element
    for (String chart : CHARTS) {
      assertThat(drawnPixels(chart)).as(chart + " pixels drawn").isGreaterThan(2_000);
    }

    // And the figures are the scorecard's own
    JsonNode standings = leader.get("/api/scorecards?campaignId=" + demo.campaignId()).body();
    List<Map<String, String>> expected = new ArrayList<>();
    Map<String, Integer> grades = new LinkedHashMap<>();
    for (JsonNode row : standings) {
      expected.add(
          Map.of(
              "unit", row.path("unitId").asText(),
              "rank", row.path("rank").asText(),
              "score", row.path("score").asText(),
              "grade", row.path("grade").asText()));
      grades.merge(row.path("grade").asText(), 1, Integer::sum);
    }
    assertThat(ranking).containsExactlyElementsOf(expected);
    assertThat(js("return document.getElementById('tile-fail').textContent"))
        .isEqualTo(String.valueOf(grades.getOrDefault("FAIL", 0)));
    assertThat(js("return document.getElementById('tile-excellent').textContent"))
        .isEqualTo(String.valueOf(grades.getOrDefault("EXCELLENT", 0)));
    heatmapCellsAgreeWithEachScorecard();

    // And at 1366×768 nothing spills sideways; the screenshot is what a leader sees
    viewport(1366, 768);
    assertThat(horizontalOverflow()).isZero();
    screenshot();

    // And on a tablet held upright the panels stack and still fit the width
    viewport(820, 1180);
    await().atMost(Duration.ofSeconds(5)).until(() -> horizontalOverflow() == 0);
    viewport(1366, 768);

    // And the English toggle turns the headings to English and back
    browser.findElement(By.id("lang")).click();
    assertThat(browser.findElement(By.tagName("h1")).getText()).contains("Leadership dashboard");
    assertThat(js("return document.documentElement.lang")).isEqualTo("en");
    browser.findElement(By.id("lang")).click();
    assertThat(browser.findElement(By.tagName("h1")).getText()).contains("领导驾驶舱");
  }

  @Test
  @Order(2)
  void aCommunityOpensToItsScorecardLinesWithTheEventsTheyRestOnAndItsPhotos() {
    // Given the worst community in the table of the ranking, reached by keyboard-usable controls
    browser.findElement(By.cssSelector("section.ranking details summary")).click();
    WebElement worst =
        browser.findElements(By.cssSelector("#ranking-table tbody tr button.community")).stream()
            .reduce((first, second) -> second)
            .orElseThrow();
    String unitId = worst.getAttribute("data-unit");

    // When it is chosen
    worst.click();

    // Then its scorecard opens with its lines, each deduction naming the events it rests on
    await()
        .atMost(Duration.ofSeconds(5))
        .until(() -> browser.findElement(By.id("drilldown")).isDisplayed());
    JsonNode detail = leader.get("/api/scorecards/" + demo.campaignId() + "/" + unitId).body();
    List<WebElement> lines = browser.findElements(By.cssSelector("#lines-table tbody tr"));
    assertThat(lines).hasSize(detail.path("lines").size());
    List<String> rules = lines.stream().map(l -> l.getAttribute("data-rule")).toList();
    List<String> expectedRules = new ArrayList<>();
    detail.path("lines").forEach(l -> expectedRules.add(l.path("rule").asText()));
    assertThat(rules).containsExactlyElementsOf(expectedRules);
    assertThat(browser.findElement(By.id("drilldown-summary")).getText())
        .contains(detail.path("score").asText());
    List<WebElement> links = browser.findElements(By.cssSelector("#lines-table a.event-link"));
    assertThat(links).isNotEmpty();
    String href = links.get(0).getAttribute("href");
    assertThat(href).contains("/api/audit/events/");
    // the link opens the event it names in the audit trail
    JsonNode event = leader.get(href.substring(href.indexOf("/api/audit/events/"))).body();
    assertThat(event.path("eventId").asText()).isNotEmpty();

    // And its publicity events show their photos, served by the query side
    await()
        .atMost(Duration.ofSeconds(5))
        .until(
            () ->
                Integer.parseInt(
                        js(
                            "return [...document.querySelectorAll('#publicity-list img')]"
                                + ".filter(i => i.complete && i.naturalWidth > 0).length"))
                    > 0);
  }

  @Test
  @Order(3)
  void aLeadRecordedThroughTheApiShowsWithinTwoSecondsWithoutAReload() {
    // Given the page as it is, marked so that a reload would show
    js("window.sameDocument = 'still here'; return null");
    int before =
        Integer.parseInt(js("return document.getElementById('leads-reported').textContent"));
    int updatesBefore = Integer.parseInt(js("return document.body.dataset.updates"));
    Account community =
        demo.accounts().stream()
            .filter(a -> "COMMUNITY".equals(a.role()))
            .findFirst()
            .orElseThrow();
    LedgerClient street = LedgerClient.of(stack.commandUrl()).as("street", "street");
    LocalDate today = OffsetDateTime.parse(street.get("/admin/clock").text("now")).toLocalDate();

    // When a community reports a lead through the API
    long sent = System.nanoTime();
    int status =
        LedgerClient.of(stack.commandUrl())
            .as(community.username(), community.password())
            .post(
                "/api/fraud-leads",
                Map.of(
                    "id", "dash-live-" + TestStacks.unique(),
                    "reportingUnitId", community.unitId(),
                    "campaignId", demo.campaignId(),
                    "discoveredOn", today.toString(),
                    "category", "ORDER_BRUSHING",
                    "summary", "驾驶舱实时测试",
                    "suspect",
                        Map.of(
                            "phones", List.of(),
                            "accounts", List.of(),
                            "urls", List.of("http://live.example"))))
            .status();
    assertThat(status).isEqualTo(201);

    // Then the funnel on the open page counts it within two seconds, on the same document
    try {
      await()
          .atMost(LIVE_WITHIN)
          .pollInterval(Duration.ofMillis(50))
          .until(
              () ->
                  js("return document.getElementById('leads-reported').textContent")
                      .equals(String.valueOf(before + 1)));
    } catch (ConditionTimeoutException late) {
      log.error(
          "the page shows {} leads after {} updates (live: {}); the API {}; console: {}",
          js("return document.getElementById('leads-reported').textContent"),
          js("return document.body.dataset.updates"),
          js("return document.getElementById('live').textContent"),
          leader.get("/api/dashboard?campaignId=" + demo.campaignId()).body().path("leads"),
          browser.manage().logs().get("browser").getAll());
      throw late;
    }
    log.info(
        "a lead reached the open dashboard {} ms after it was sent",
        Duration.ofNanos(System.nanoTime() - sent).toMillis());
    assertThat(js("return window.sameDocument || ''")).isEqualTo("still here");
    assertThat(Integer.parseInt(js("return document.body.dataset.updates")))
        .isGreaterThan(updatesBefore);
    assertThat(js("return document.getElementById('tile-leads').textContent"))
        .isEqualTo(String.valueOf(before + 1));
  }

  /** Each cell of the page's heatmap table against the community's own scorecard. */
  private void heatmapCellsAgreeWithEachScorecard() {
    @SuppressWarnings("unchecked")
    Map<String, Map<String, String>> cells =
        (Map<String, Map<String, String>>)
            browser.executeScript(
                "const out = {};"
                    + "document.querySelectorAll('#heatmap-table tbody tr').forEach(tr => {"
                    + "  const row = {}; out[tr.dataset.unit] = row;"
                    + "  tr.querySelectorAll('td').forEach(td => row[td.dataset.month] ="
                    + " td.textContent); });"
                    + "return out;");
    assertThat(cells).hasSize(demo.communities().size());
    JsonNode view = leader.get("/api/dashboard?campaignId=" + demo.campaignId()).body();
    LocalDate day = LocalDate.parse(view.path("asOf").asText());
    for (Map.Entry<String, Map<String, String>> row : cells.entrySet()) {
      JsonNode scorecard =
          leader.get("/api/scorecards/" + demo.campaignId() + "/" + row.getKey()).body();
      for (Map.Entry<String, String> cell : row.getValue().entrySet()) {
        assertThat(cell.getValue())
            .as(row.getKey() + " " + cell.getKey())
            .isEqualTo(expectedCell(scorecard, YearMonth.parse(cell.getKey()), day));
      }
    }
  }

  /**
   * The cell as the scorecard makes it, worked out here from the scorecard's answer: an event held
   * (once the month is over or one was held), the report on time (once in or missed), no evidence
   * window closed empty (when events were held).
   */
  private static String expectedCell(JsonNode scorecard, YearMonth month, LocalDate day) {
    int events = scorecard.path("publicityEventsByMonth").path(month.toString()).asInt(0);
    String report = scorecard.path("reportsByMonth").path(month.toString()).asText("");
    long evidenceMissing = 0;
    for (JsonNode line : scorecard.path("lines")) {
      if (line.path("rule").asText().equals("EVIDENCE_MISSING")
          && line.path("period").asText().equals(month.toString())) {
        evidenceMissing++;
      }
    }
    int met = 0;
    int checks = 0;
    if (events > 0 || month.isBefore(YearMonth.from(day))) {
      checks++;
      met += events > 0 ? 1 : 0;
    }
    if (!report.isEmpty()) {
      checks++;
      met += report.equals("ON_TIME") ? 1 : 0;
    }
    if (events > 0) {
      checks++;
      met += evidenceMissing == 0 ? 1 : 0;
    }
    return checks == 0 ? "–" : met + "/" + checks;
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, String>> rankingOnThePage() {
    return (List<Map<String, String>>)
        browser.executeScript(
            "return [...document.querySelectorAll('#ranking-table tbody tr')].map(tr => ({"
                + " unit: tr.dataset.unit, rank: tr.cells[0].textContent,"
                + " score: tr.cells[2].textContent,"
                + " grade: tr.cells[3].className.replace('grade-', '') }));");
  }

  /** Pixels of the chart's canvas that are not transparent, read back from the canvas itself. */
  private static long drawnPixels(String chart) {
    Object drawn =
        browser.executeScript(
            "const c = document.querySelector('#' + arguments[0] + ' canvas');"
                + "if (!c || !c.width || !c.height) return 0;"
                + "const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;"
                + "let n = 0; for (let i = 3; i < d.length; i += 4) { if (d[i] > 0) n++; }"
                + "return n;",
            chart);
    return ((Number) drawn).longValue();
  }

  /** Sizes the window so that the page itself gets {@code width} × {@code height}. */
  private static void viewport(int width, int height) {
    long extraWidth = Long.parseLong(js("return String(window.outerWidth - window.innerWidth)"));
    long extraHeight = Long.parseLong(js("return String(window.outerHeight - window.innerHeight)"));
    browser
        .manage()
        .window()
        .setSize(new Dimension(width + (int) extraWidth, height + (int) extraHeight));
    await()
        .atMost(Duration.ofSeconds(5))
        .until(() -> js("return window.innerWidth + 'x' + window.innerHeight"), v -> true);
    log.info("viewport {}", js("return window.innerWidth + 'x' + window.innerHeight"));
  }

  private static long horizontalOverflow() {
    return ((Number)
            browser.executeScript(
                "return document.documentElement.scrollWidth - document.documentElement.clientWidth;"))
        .longValue();
  }

  private static String js(String script) {
    Object value = ((JavascriptExecutor) browser).executeScript(script);
    return value == null ? null : value.toString();
  }

  private static void screenshot() throws IOException {
    // the page as a leader first sees it: scrolled to the top, charts drawn
    js("window.scrollTo(0, 0); return null");
    byte[] png = browser.getScreenshotAs(OutputType.BYTES);
    Path target = Path.of("target", "dashboard.png");
    Files.createDirectories(target.getParent());
    Files.write(target, png);
    String wanted = System.getProperty("fanzha.dashboard.screenshot", "");
    if (!wanted.isBlank()) {
      Path docs = TestStacks.repoRoot().resolve(wanted);
      Files.write(docs, png);
      log.info("dashboard screenshot written to {}", docs);
    }
  }
}
