package io.fanzha.ledger.query.dashboard;

import static io.fanzha.ledger.query.support.Events.by;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.gridfs.GridFSBuckets;
import io.fanzha.ledger.events.CampaignLaunched;
import io.fanzha.ledger.events.CampaignMonthClosed;
import io.fanzha.ledger.events.EvidenceKind;
import io.fanzha.ledger.events.EvidenceSubmitted;
import io.fanzha.ledger.events.EvidenceWindowClosed;
import io.fanzha.ledger.events.FraudCaseRecorded;
import io.fanzha.ledger.events.FraudCategory;
import io.fanzha.ledger.events.FraudLeadReported;
import io.fanzha.ledger.events.LeadAcknowledged;
import io.fanzha.ledger.events.LeadOutcome;
import io.fanzha.ledger.events.LeadOutcomeRecorded;
import io.fanzha.ledger.events.Location;
import io.fanzha.ledger.events.LocationKind;
import io.fanzha.ledger.events.MonthlyReportSubmitted;
import io.fanzha.ledger.events.PublicityFormat;
import io.fanzha.ledger.events.PublishEventHeld;
import io.fanzha.ledger.events.ReportDeadlineMissed;
import io.fanzha.ledger.events.ReportKind;
import io.fanzha.ledger.events.ReportStatistics;
import io.fanzha.ledger.events.Role;
import io.fanzha.ledger.events.Rulebook;
import io.fanzha.ledger.events.Suspect;
import io.fanzha.ledger.events.TargetGroup;
import io.fanzha.ledger.events.UnitKind;
import io.fanzha.ledger.events.UnitRegistered;
import io.fanzha.ledger.platform.security.Account;
import io.fanzha.ledger.platform.security.Accounts;
import io.fanzha.ledger.stores.EmbeddedStores;
import java.io.ByteArrayInputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.bson.BsonString;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The dashboard's endpoints over HTTP against the embedded stores: the data the page draws (and
 * that it agrees with the scorecard), as of a day; a community's drill-down with the evidence of
 * its lines; the evidence images from GridFS; the stream that announces new facts; the page and who
 * may open any of it.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "fanzha.dashboard.heartbeat-every=PT1S")
class DashboardIntegrationTest {

  private static final EmbeddedStores STORES = EmbeddedStores.inMemory();
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration PATIENCE = Duration.ofSeconds(30);
  private static final byte[] PHOTO = photo();
  private static final String PHOTO_REF = "evidence/pe1/" + "a".repeat(64);

  @DynamicPropertySource
  static void pointAtTheEmbeddedStores(DynamicPropertyRegistry registry) {
    registry.add("spring.datasource.url", STORES::jdbcUrl);
    registry.add("spring.data.mongodb.uri", STORES::mongoUri);
  }

  @Autowired private TestRestTemplate http;
  @Autowired private EventStore eventStore;
  @Autowired private EventProcessingConfiguration processing;
  @Autowired private MongoTemplate mongo;
  @Autowired private Accounts accounts;
  @Autowired private PasswordEncoder passwords;
  @Autowired private DashboardFeed feed;
  @LocalServerPort private int port;

  @BeforeEach
  void givenTheStreetsJanuaryAndFebruary() {
    for (Role role : Role.values()) {
      String name = role.name().toLowerCase();
      accounts.insertIfAbsent(
          new Account(
              name,
              passwords.encode(name),
              role,
              role == Role.COMMUNITY || role == Role.PARTNER ? "d1" : null));
    }
    synchronized (STORES) {
      if (eventStore.readEvents("campaign:d2026").asStream().findAny().isEmpty()) {
        GridFSBuckets.create(mongo.getDb(), "evidence")
            .uploadFromStream(
                new BsonString(PHOTO_REF), PHOTO_REF, new ByteArrayInputStream(PHOTO));
        eventStore.publish(history());
      }
    }
    awaitCaughtUp();
  }

  @Test
  void theDashboardDrawsTheScorecardsStandingsAndEachCommunitysMonthsFromItsScorecard()
      throws Exception {
    // When
    JsonNode view = get("leadership", "/api/dashboard?campaignId=d2026").body();

    // Then the ranking is the scorecard's standings, exactly
    assertThat(view.path("ranking"))
        .isEqualTo(get("leadership", "/api/scorecards?campaignId=d2026").body());
    assertThat(view.path("asOf").asText()).isEqualTo("2026-03-02");
    assertThat(texts(view.path("months"))).containsExactly("2026-01", "2026-02", "2026-03");
    assertThat(view.path("campaigns").get(0).path("campaignId").asText()).isEqualTo("d2026");

    // And each heatmap row is its community's scorecard, month by month
    JsonNode d1 = row(view, "d1");
    assertThat(cell(d1, 0)).isEqualTo("1 ON_TIME 0 3/3");
    // February: closed without a publicity event, and no report known either way
    assertThat(cell(d1, 1)).isEqualTo("0 null 0 0/1");
    // March is under way: nothing is decided yet
    assertThat(cell(d1, 2)).isEqualTo("0 null 0 0/0");
    JsonNode d2 = row(view, "d2");
    assertThat(cell(d2, 0)).isEqualTo("1 MISSING 1 1/3");
    for (JsonNode community : view.path("compliance")) {
      JsonNode scorecard =
          get("leadership", "/api/scorecards/d2026/" + community.path("unitId").asText()).body();
      for (JsonNode month : community.path("months")) {
        String m = month.path("month").asText();
        assertThat(month.path("publicityEvents").asInt())
            .isEqualTo(scorecard.path("publicityEventsByMonth").path(m).asInt(0));
        assertThat(month.path("report").asText("null"))
            .isEqualTo(scorecard.path("reportsByMonth").path(m).asText("null"));
      }
    }

    // And cases and losses by the month they occurred in, the leads funnel, the target groups
    assertThat(view.path("trend").get(0).path("cases").asInt()).isEqualTo(1);
    assertThat(view.path("trend").get(0).path("lossYuan").decimalValue())
        .isEqualByComparingTo("52000");
    assertThat(view.path("trend").get(1).path("lossYuan").decimalValue())
        .isEqualByComparingTo("1000.50");
    assertThat(view.path("trend").get(2).path("cases").asInt()).isZero();
    assertThat(view.path("leads").toString())
        .isEqualTo("{\"reported\":2,\"delivered\":0,\"acknowledged\":1,\"caseFiled\":1}");
    JsonNode groups = view.path("targetGroups");
    assertThat(groups).hasSize(TargetGroup.values().length);
    assertThat(group(groups, "ELDERLY")).isEqualTo("2 events by 2 units");
    assertThat(group(groups, "STUDENTS")).isEqualTo("1 events by 1 units");
    assertThat(group(groups, "DISABLED")).isEqualTo("0 events by 0 units");

    // And without a campaign named, the latest launched is shown
    assertThat(get("leadership", "/api/dashboard").body().path("campaignId").asText())
        .isEqualTo("d2026");
  }

  @Test
  void asOfADayTheDashboardCountsOnlyWhatWasRecordedByItsEnd() throws Exception {
    // When
    JsonNode view = get("auditor", "/api/dashboard?campaignId=d2026&asOf=2026-01-15").body();

    // Then
    assertThat(view.path("asOf").asText()).isEqualTo("2026-01-15");
    assertThat(texts(view.path("months"))).containsExactly("2026-01");
    assertThat(view.path("ranking"))
        .isEqualTo(get("auditor", "/api/scorecards?campaignId=d2026&asOf=2026-01-15").body());
    // the case was recorded on the 21st, the outcome later; the lead on the 15th
    assertThat(view.path("trend").get(0).path("cases").asInt()).isZero();
    assertThat(view.path("leads").path("reported").asInt()).isEqualTo(1);
    assertThat(view.path("leads").path("caseFiled").asInt()).isZero();
    assertThat(group(view.path("targetGroups"), "ELDERLY")).isEqualTo("2 events by 2 units");
  }

  @Test
  void aCommunitysDrillDownGivesItsLinesWithTheEvidenceOfTheEventsTheyRestOn() throws Exception {
    // When
    JsonNode drill = get("street_office", "/api/dashboard/d2026/d2").body();

    // Then the scorecard is the scorecard API's
    assertThat(drill.path("scorecard"))
        .isEqualTo(get("street_office", "/api/scorecards/d2026/d2").body());
    // and the evidence-missing line shows the photo that came after its window closed
    JsonNode lines = drill.path("scorecard").path("lines");
    int missing = -1;
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).path("rule").asText().equals("EVIDENCE_MISSING")) {
        missing = i;
      }
    }
    assertThat(missing).isNotNegative();
    JsonNode evidence = drill.path("lines").get(missing).path("evidence");
    assertThat(evidence).hasSize(1);
    assertThat(evidence.get(0).path("evidenceId").asText()).isEqualTo("ev2");
    assertThat(evidence.get(0).path("href").asText()).isEqualTo("/api/evidence/ev2");
    // and its publicity events with theirs
    JsonNode events = drill.path("publicityEvents");
    assertThat(texts(events, "publishEventId")).containsExactly("pe2");
    assertThat(events.get(0).path("eventId").asText()).isNotEmpty();

    // And d1's PDF is named, without a link to render it
    JsonNode d1 =
        get("leadership", "/api/dashboard/d2026/d1").body().path("publicityEvents").get(0);
    assertThat(texts(d1.path("evidence"), "evidenceId")).containsExactly("ev1", "ev3");
    assertThat(d1.path("evidence").get(1).path("href").isNull()).isTrue();

    // And an unknown community answers 404 as problem+json
    Answer unknown = get("leadership", "/api/dashboard/d2026/nowhere");
    assertThat(unknown.status()).isEqualTo(404);
    assertThat(unknown.contentType()).isEqualTo("application/problem+json");
  }

  @Test
  void evidencePhotosAreServedFromGridFsToThoseWhoMaySeeThemAndOnlyImages() throws Exception {
    // When
    ResponseEntity<byte[]> photo =
        http.withBasicAuth("leadership", "leadership")
            .getForEntity("/api/evidence/ev1", byte[].class);

    // Then the very bytes, as the image they are, with the strict headers
    assertThat(photo.getStatusCode().value()).isEqualTo(200);
    assertThat(photo.getHeaders().getContentType().toString()).isEqualTo("image/png");
    assertThat(photo.getBody()).isEqualTo(PHOTO);
    assertThat(photo.getHeaders().getFirst("X-Content-Type-Options")).isEqualTo("nosniff");

    // And a PDF is not served, an unknown id is 404, and only the dashboard's roles may ask
    assertThat(get("leadership", "/api/evidence/ev3").status()).isEqualTo(406);
    assertThat(get("leadership", "/api/evidence/ev3").contentType())
        .isEqualTo("application/problem+json");
    assertThat(get("leadership", "/api/evidence/nothing").status()).isEqualTo(404);
    // recorded, but its bytes are not in GridFS
    assertThat(get("auditor", "/api/evidence/ev2").status()).isEqualTo(404);
    assertThat(get("police", "/api/evidence/ev1").status()).isEqualTo(403);
    assertThat(get("community", "/api/evidence/ev1").status()).isEqualTo(403);
    assertThat(http.getForEntity("/api/evidence/ev1", String.class).getStatusCode().value())
        .isEqualTo(401);
  }

  @Test
  void onlyLeadershipTheStreetOfficeAndAuditorsOpenTheDashboardAndItsData() throws Exception {
    for (String path :
        List.of(
            "/dashboard", "/dashboard/dashboard.js", "/api/dashboard", "/api/dashboard/d2026/d1")) {
      for (String allowed : List.of("leadership", "street_office", "auditor")) {
        assertThat(get(allowed, path).status()).as(allowed + " " + path).isEqualTo(200);
      }
      for (String refused : List.of("police", "community", "partner")) {
        assertThat(get(refused, path).status()).as(refused + " " + path).isEqualTo(403);
      }
      assertThat(http.getForEntity(path, String.class).getStatusCode().value()).isEqualTo(401);
    }
  }

  @Test
  void thePageIsStaticHtmlUnderTheStrictPolicyWithEChartsFromTheWebJar() {
    // When
    ResponseEntity<String> page =
        http.withBasicAuth("leadership", "leadership").getForEntity("/dashboard", String.class);

    // Then
    assertThat(page.getStatusCode().value()).isEqualTo(200);
    assertThat(page.getHeaders().getContentType().toString()).isEqualTo("text/html;charset=UTF-8");
    assertThat(page.getHeaders().getFirst("Content-Security-Policy"))
        .contains("default-src 'self'");
    String html = page.getBody();
    assertThat(html).contains("<html lang=\"zh-CN\">", "<main id=\"main\">", "<header");
    // no inline script or style: the policy would block them
    assertThat(html).doesNotContain("<style", " style=", "<script>");
    List<String> scripts = new ArrayList<>();
    Matcher src = Pattern.compile("src=\"([^\"]+)\"").matcher(html);
    while (src.find()) {
      scripts.add(src.group(1));
    }
    assertThat(scripts)
        .contains("/webjars/echarts/5.3.1/dist/echarts.min.js", "/dashboard/dashboard.js");
    for (String script : scripts) {
      ResponseEntity<String> served =
          http.withBasicAuth("leadership", "leadership").getForEntity(script, String.class);
      assertThat(served.getStatusCode().value()).as(script).isEqualTo(200);
      assertThat(served.getHeaders().getContentType().toString()).contains("javascript");
    }
  }

  @Test
  void anOpenStreamHearsOfANewFactWithinTwoSecondsAndIsDroppedWhenItsClientGoes() throws Exception {
    // Given an open stream, past its first event
    int openBefore = feed.openStreams();
    HttpClient client = HttpClient.newHttpClient();
    HttpResponse<Stream<String>> response =
        client.send(
            HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/dashboard/stream"))
                .header("Accept", "text/event-stream")
                .header("Authorization", basic("leadership"))
                .build(),
            HttpResponse.BodyHandlers.ofLines());
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type").orElse(""))
        .startsWith("text/event-stream");
    BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    Thread reader =
        new Thread(
            () -> {
              try {
                response.body().forEach(lines::add);
              } catch (UncheckedIOException closedByTheTest) {
                lines.add("closed");
              }
            });
    reader.setDaemon(true);
    reader.start();
    assertThat(nextEvent(lines, Duration.ofSeconds(5))).isEqualTo("ready");
    assertThat(feed.openStreams()).isEqualTo(openBefore + 1);
    Thread.sleep(600);
    lines.clear();

    // When a fact is recorded
    long sent = System.nanoTime();
    eventStore.publish(
        event(
            "PublishEvent",
            "pe-live-" + UUID.randomUUID(),
            new PublishEventHeld(
                "pe-live",
                // another campaign's, so that the other tests' figures stay as they are
                "d2027",
                "d1",
                LocalDate.parse("2026-03-02"),
                new Location("东门广场", LocationKind.PARK),
                List.of(PublicityFormat.LEAFLET),
                List.of(TargetGroup.SINGLES),
                40,
                null,
                null),
            "2026-03-02T03:00:00Z",
            by("community", "COMMUNITY", "d1")));

    // Then the stream announces it within two seconds, and so a heartbeat keeps it open
    assertThat(nextEvent(lines, Duration.ofSeconds(2))).isEqualTo("facts");
    assertThat(Duration.ofNanos(System.nanoTime() - sent)).isLessThan(Duration.ofSeconds(2));
    await()
        .atMost(Duration.ofSeconds(3))
        .until(() -> lines.stream().anyMatch(l -> l.startsWith(":")));

    // And a client that goes away is dropped
    response.body().close();
    reader.interrupt();
    await().atMost(Duration.ofSeconds(10)).until(() -> feed.openStreams() == openBefore);

    // And a client that does not ask for an event stream is refused
    assertThat(get("leadership", "/api/dashboard/stream").status()).isEqualTo(406);
  }

  /** The name of the next event on the stream, waiting at most {@code within}. */
  private static String nextEvent(BlockingQueue<String> lines, Duration within)
      throws InterruptedException {
    long deadline = System.nanoTime() + within.toNanos();
    while (System.nanoTime() < deadline) {
      String line = lines.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
      if (line != null && line.startsWith("event:")) {
        return line.substring("event:".length()).trim();
      }
    }
    return null;
  }

  private static String cell(JsonNode row, int month) {
    JsonNode m = row.path("months").get(month);
    return m.path("publicityEvents").asInt()
        + " "
        + m.path("report").asText("null")
        + " "
        + m.path("evidenceMissing").asInt()
        + " "
        + m.path("met").asInt()
        + "/"
        + m.path("checks").asInt();
  }

  private static JsonNode row(JsonNode view, String unitId) {
    for (JsonNode row : view.path("compliance")) {
      if (row.path("unitId").asText().equals(unitId)) {
        return row;
      }
    }
    throw new AssertionError("no heatmap row for " + unitId);
  }

  private static String group(JsonNode groups, String group) {
    for (JsonNode g : groups) {
      if (g.path("group").asText().equals(group)) {
        return g.path("events").asInt() + " events by " + g.path("units").asInt() + " units";
      }
    }
    throw new AssertionError("no " + group);
  }

  private static List<String> texts(JsonNode array) {
    List<String> texts = new ArrayList<>();
    array.forEach(n -> texts.add(n.asText()));
    return texts;
  }

  private static List<String> texts(JsonNode array, String field) {
    List<String> texts = new ArrayList<>();
    array.forEach(n -> texts.add(n.path(field).asText()));
    return texts;
  }

  private record Answer(int status, String contentType, JsonNode body) {}

  private Answer get(String user, String path) throws Exception {
    HttpHeaders headers = new HttpHeaders();
    headers.set("Accept", "application/json, application/problem+json, text/html, */*;q=0.1");
    if (path.endsWith("/stream")) {
      headers.set("Accept", "application/json");
    }
    ResponseEntity<String> answer =
        http.withBasicAuth(user, user)
            .exchange(path, HttpMethod.GET, new HttpEntity<>(headers), String.class);
    String body = answer.getBody();
    JsonNode json;
    try {
      json = body == null ? JSON.nullNode() : JSON.readTree(body);
    } catch (Exception notJson) {
      json = JSON.nullNode();
    }
    return new Answer(
        answer.getStatusCode().value(),
        answer.getHeaders().getContentType() == null
            ? null
            : answer.getHeaders().getContentType().toString(),
        json);
  }

  private static String basic(String user) {
    return "Basic "
        + Base64.getEncoder().encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8));
  }

  private void awaitCaughtUp() {
    long head = eventStore.createHeadToken().position().orElseThrow();
    await()
        .atMost(PATIENCE)
        .until(
            () ->
                processing.eventProcessors().values().stream()
                    .filter(StreamingEventProcessor.class::isInstance)
                    .map(p -> ((StreamingEventProcessor) p).processingStatus())
                    .allMatch(
                        status ->
                            !status.isEmpty()
                                && status.values().stream()
                                    .allMatch(
                                        s ->
                                            s.isCaughtUp()
                                                && s.getCurrentPosition().orElse(-1) >= head)));
  }

  /** A 1×1 PNG. */
  private static byte[] photo() {
    return Base64.getDecoder()
        .decode(
            "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");
  }

  private static List<DomainEventMessage<?>> history() {
    Map<String, String> street = by("street_office", "STREET_OFFICE", null);
    Map<String, String> d1 = by("community", "COMMUNITY", "d1");
    Map<String, String> d2 = by("d2-staff", "COMMUNITY", "d2");
    Map<String, String> police = by("police", "POLICE", null);
    Map<String, String> system = by("deadlines", "STREET_OFFICE", null);
    ReportStatistics stats = new ReportStatistics(1, 80, 100, 0, 0, 0, 0, 1);
    return List.of(
        event(
            "Unit",
            "ds",
            new UnitRegistered("ds", "东湖街道", UnitKind.STREET_OFFICE, null, null),
            "2025-12-20T02:00:00Z",
            street),
        event(
            "Unit",
            "d1",
            new UnitRegistered("d1", "东门社区", UnitKind.COMMUNITY, "ds", 10000),
            "2025-12-20T02:01:00Z",
            street),
        event(
            "Unit",
            "d2",
            new UnitRegistered("d2", "西门社区", UnitKind.COMMUNITY, "ds", 10000),
            "2025-12-20T02:02:00Z",
            street),
        event(
            "Campaign",
            "d2026",
            new CampaignLaunched(
                "d2026",
                "2026年东湖街道反诈宣传",
                "ds",
                LocalDate.parse("2026-01-01"),
                LocalDate.parse("2026-12-31"),
                30,
                LocalDate.parse("2026-12-30"),
                List.of("d1", "d2"),
                null,
                Rulebook.defaultRules()),
            "2025-12-31T02:00:00Z",
            street),
        event(
            "PublishEvent",
            "pe1",
            held("pe1", "d1", "2026-01-10", TargetGroup.ELDERLY, TargetGroup.STUDENTS),
            "2026-01-10T04:00:00Z",
            d1),
        event(
            "PublishEvent",
            "pe1",
            evidence("ev1", "pe1", "d1", "image/png", PHOTO_REF),
            "2026-01-11T04:00:00Z",
            d1),
        event(
            "PublishEvent",
            "pe1",
            evidence("ev3", "pe1", "d1", "application/pdf", "evidence/pe1/" + "b".repeat(64)),
            "2026-01-11T05:00:00Z",
            d1),
        event(
            "PublishEvent",
            "pe2",
            held("pe2", "d2", "2026-01-12", TargetGroup.ELDERLY),
            "2026-01-12T04:00:00Z",
            d2),
        event(
            "Lead",
            "lead1",
            new FraudLeadReported(
                "lead1",
                "d1",
                "d2026",
                LocalDate.parse("2026-01-15"),
                FraudCategory.ORDER_BRUSHING,
                "刷单群",
                new Suspect(List.of(), List.of(), List.of("http://a.example")),
                null),
            "2026-01-15T02:00:00Z",
            d1),
        event(
            "PublishEvent",
            "pe1",
            new EvidenceWindowClosed("pe1", "d2026", "d1", LocalDate.parse("2026-01-10"), 2),
            "2026-01-17T16:00:00Z",
            system),
        event(
            "PublishEvent",
            "pe2",
            new EvidenceWindowClosed("pe2", "d2026", "d2", LocalDate.parse("2026-01-12"), 0),
            "2026-01-19T16:00:00Z",
            system),
        event(
            "PublishEvent",
            "pe2",
            evidence("ev2", "pe2", "d2", "image/png", "evidence/pe2/" + "c".repeat(64)),
            "2026-01-20T04:00:00Z",
            d2),
        event(
            "FraudCase",
            "case1",
            new FraudCaseRecorded(
                "case1",
                "d1",
                LocalDate.parse("2026-01-20"),
                FraudCategory.FAKE_INVESTMENT,
                new BigDecimal("52000"),
                TargetGroup.ELDERLY),
            "2026-01-21T02:00:00Z",
            police),
        event(
            "Lead",
            "lead1",
            new LeadAcknowledged("lead1", "d1", "d2026"),
            "2026-01-21T03:00:00Z",
            police),
        event(
            "Lead",
            "lead1",
            new LeadOutcomeRecorded("lead1", "d1", "d2026", LeadOutcome.CASE_FILED, "已立案"),
            "2026-01-22T03:00:00Z",
            police),
        event(
            "Lead",
            "lead2",
            new FraudLeadReported(
                "lead2",
                "d2",
                "d2026",
                LocalDate.parse("2026-01-23"),
                FraudCategory.ONLINE_LOAN,
                "网贷",
                new Suspect(List.of(), List.of(), List.of("http://b.example")),
                null),
            "2026-01-23T02:00:00Z",
            d2),
        event(
            "Report",
            "r-d1-01",
            new MonthlyReportSubmitted(
                "r-d1-01",
                "d2026",
                "d1",
                YearMonth.parse("2026-01"),
                stats,
                "一月",
                LocalDate.parse("2026-01-30"),
                false),
            "2026-01-25T02:00:00Z",
            d1),
        event(
            "Report",
            "r-d2-01",
            new ReportDeadlineMissed(
                "r-d2-01",
                "d2026",
                "d2",
                ReportKind.MONTHLY,
                YearMonth.parse("2026-01"),
                LocalDate.parse("2026-01-30")),
            "2026-01-30T16:00:00Z",
            system),
        event(
            "Campaign",
            "d2026",
            new CampaignMonthClosed("d2026", YearMonth.parse("2026-01")),
            "2026-01-31T16:00:00Z",
            system),
        event(
            "FraudCase",
            "case2",
            new FraudCaseRecorded(
                "case2",
                "d2",
                LocalDate.parse("2026-02-03"),
                FraudCategory.FAKE_SHOPPING,
                new BigDecimal("1000.50"),
                null),
            "2026-02-04T02:00:00Z",
            police),
        event(
            "Campaign",
            "d2026",
            new CampaignMonthClosed("d2026", YearMonth.parse("2026-02")),
            "2026-02-28T16:00:00Z",
            system),
        event(
            "Unit",
            "dx",
            new UnitRegistered("dx", "东湖派出所", UnitKind.POLICE_STATION, "ds", null),
            "2026-03-02T02:00:00Z",
            street));
  }

  private static PublishEventHeld held(String id, String unit, String on, TargetGroup... groups) {
    return new PublishEventHeld(
        id,
        "d2026",
        unit,
        LocalDate.parse(on),
        new Location("社区广场", LocationKind.RESIDENTIAL_COMPOUND),
        List.of(PublicityFormat.CONSULTATION_DESK),
        List.of(groups),
        100,
        200,
        null);
  }

  private static EvidenceSubmitted evidence(
      String id, String publishEventId, String unit, String mediaType, String ref) {
    return new EvidenceSubmitted(
        id,
        publishEventId,
        "d2026",
        unit,
        EvidenceKind.PHOTO,
        id + ".png",
        ref.substring(ref.length() - 64),
        68,
        mediaType,
        ref);
  }

  private static final Map<String, Long> SEQUENCES = new HashMap<>();

  private static DomainEventMessage<?> event(
      String type, String id, Object payload, String at, Map<String, String> meta) {
    String aggregate = type.toLowerCase() + ":" + id;
    long sequence = SEQUENCES.merge(aggregate, 1L, Long::sum) - 1;
    return new GenericDomainEventMessage<>(
        type, aggregate, sequence, payload, meta, UUID.randomUUID().toString(), Instant.parse(at));
  }
}
