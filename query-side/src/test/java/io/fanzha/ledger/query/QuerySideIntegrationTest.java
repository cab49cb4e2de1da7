package io.fanzha.ledger.query;

import static io.fanzha.ledger.query.support.Events.by;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fanzha.ledger.events.AccountOpened;
import io.fanzha.ledger.events.CampaignLaunched;
import io.fanzha.ledger.events.EvidenceKind;
import io.fanzha.ledger.events.EvidenceSubmitted;
import io.fanzha.ledger.events.FraudCategory;
import io.fanzha.ledger.events.FraudLeadReported;
import io.fanzha.ledger.events.Location;
import io.fanzha.ledger.events.LocationKind;
import io.fanzha.ledger.events.PenaltyReason;
import io.fanzha.ledger.events.PenaltyRevoked;
import io.fanzha.ledger.events.PublicityFormat;
import io.fanzha.ledger.events.PublishEventHeld;
import io.fanzha.ledger.events.Reporter;
import io.fanzha.ledger.events.Role;
import io.fanzha.ledger.events.Rulebook;
import io.fanzha.ledger.events.Suspect;
import io.fanzha.ledger.events.TargetGroup;
import io.fanzha.ledger.events.UnitCommended;
import io.fanzha.ledger.events.UnitKind;
import io.fanzha.ledger.events.UnitPenalized;
import io.fanzha.ledger.events.UnitRegistered;
import io.fanzha.ledger.platform.security.Account;
import io.fanzha.ledger.platform.security.Accounts;
import io.fanzha.ledger.query.audit.AuditEntry;
import io.fanzha.ledger.query.config.QueryEndpointRules;
import io.fanzha.ledger.query.lead.FraudLeadEntry;
import io.fanzha.ledger.query.scorecard.ScoredCampaign;
import io.fanzha.ledger.query.scorecard.UnitFacts;
import io.fanzha.ledger.query.scorecard.UnitName;
import io.fanzha.ledger.stores.EmbeddedStores;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * The query side as deployed: events appended to the event store over H2's TCP socket, read models
 * in the MongoDB stand-in over its socket, answers over HTTP with Basic auth.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class QuerySideIntegrationTest {

  private static final EmbeddedStores STORES = EmbeddedStores.inMemory();
  private static final List<DomainEventMessage<?>> STREET_HISTORY = streetHistory();
  private static final Duration PATIENCE = Duration.ofSeconds(30);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final List<String> READ_MODELS =
      List.of(
          AuditEntry.COLLECTION,
          FraudLeadEntry.COLLECTION,
          ScoredCampaign.COLLECTION,
          UnitName.COLLECTION,
          UnitFacts.COLLECTION);

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

  @Autowired
  @Qualifier("requestMappingHandlerMapping")
  private RequestMappingHandlerMapping handlerMapping;

  @BeforeEach
  void givenAccountsAndTheStreetsHistory() {
    account("street", Role.STREET_OFFICE, "s1");
    account("auditor", Role.AUDITOR, null);
    account("police", Role.POLICE, null);
    account("leader", Role.LEADERSHIP, null);
    account("c1-staff", Role.COMMUNITY, "c1");
    account("c2-staff", Role.COMMUNITY, "c2");
    synchronized (STREET_HISTORY) {
      if (eventStore.readEvents("unit:c1").asStream().findAny().isEmpty()) {
        eventStore.publish(STREET_HISTORY);
      }
    }
  }

  @Test
  void theAuditTrailListsEveryEventInLogOrderWithWhoCausedIt() throws Exception {
    // When the audit has caught up
    JsonNode page =
        await()
            .atMost(PATIENCE)
            .until(
                () -> get("auditor", "/api/audit?size=500").body(),
                body -> body.path("total").asInt() == STREET_HISTORY.size());

    // Then
    assertThat(page.path("page").asInt()).isZero();
    assertThat(page.path("size").asInt()).isEqualTo(500);
    JsonNode first = page.path("items").get(0);
    assertThat(fieldNames(first))
        .containsExactly(
            "eventId",
            "type",
            "aggregateId",
            "sequence",
            "occurredAt",
            "actor",
            "role",
            "unitId",
            "requestId",
            "payload");
    assertThat(first.path("eventId").asText()).isEqualTo(STREET_HISTORY.get(0).getIdentifier());
    assertThat(first.path("type").asText()).isEqualTo("UnitRegistered");
    assertThat(first.path("aggregateId").asText()).isEqualTo("s1");
    assertThat(first.path("actor").asText()).isEqualTo("street");
    assertThat(first.path("role").asText()).isEqualTo("STREET_OFFICE");
    assertThat(first.path("requestId").asText()).isEqualTo("req-street");
    assertThat(first.path("occurredAt").asText()).isEqualTo("2025-12-01T02:00:00Z");
    assertThat(first.path("payload").path("name").asText()).isEqualTo("城关街道");

    // And the unit filter finds what c1 did and what was done about c1
    JsonNode forC1 = get("street", "/api/audit?unitId=c1").body();
    assertThat(texts(forC1.path("items"), "type"))
        .containsExactly(
            "UnitRegistered",
            "CampaignLaunched",
            "AccountOpened",
            "PublishEventHeld",
            "EvidenceSubmitted",
            "FraudLeadReported",
            "UnitPenalized",
            "UnitCommended",
            "PenaltyRevoked");
    JsonNode lead = forC1.path("items").get(5).path("payload");
    assertThat(lead.path("reporter").asText()).isEqualTo("withheld");
    assertThat(forC1.toString()).doesNotContain("王五", "13700001111");

    // And the other filters narrow it
    assertThat(get("auditor", "/api/audit?type=UnitPenalized").body().path("total").asInt())
        .isEqualTo(2);
    assertThat(get("auditor", "/api/audit?aggregateId=p2").body().path("total").asInt())
        .isEqualTo(2);
    assertThat(get("auditor", "/api/audit?actor=c1-staff").body().path("total").asInt())
        .isEqualTo(3);
    assertThat(
            get("auditor", "/api/audit?from=2026-03-02&to=2026-03-04").body().path("total").asInt())
        .isEqualTo(2);
    JsonNode secondPage = get("auditor", "/api/audit?size=2&page=1").body();
    assertThat(texts(secondPage.path("items"), "eventId"))
        .containsExactly(
            STREET_HISTORY.get(2).getIdentifier(), STREET_HISTORY.get(3).getIdentifier());
  }

  @Test
  void theAuditTrailRefusesBadParametersAndOtherRoles() throws Exception {
    Answer tooBig = get("auditor", "/api/audit?size=501");
    assertThat(tooBig.status()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(tooBig.contentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    assertThat(tooBig.body().path("errors").get(0).path("field").asText()).isEqualTo("size");

    assertThat(get("auditor", "/api/audit?from=yesterday").status())
        .isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(get("auditor", "/api/audit?page=x").status()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(get("auditor", "/api/audit?page=-1").status()).isEqualTo(HttpStatus.BAD_REQUEST);

    Answer community = get("c1-staff", "/api/audit");
    assertThat(community.status()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(community.contentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    assertThat(get("leader", "/api/audit").status()).isEqualTo(HttpStatus.FORBIDDEN);
  }

  @Test
  void leadsReachThePoliceWithoutTheReporterAndUnitsSeeOnlyTheirOwn() throws Exception {
    // When the leads have caught up
    JsonNode all =
        await()
            .atMost(PATIENCE)
            .until(() -> get("police", "/api/fraud-leads").body(), body -> body.size() == 2);

    // Then newest first, without any personal data of the reporter
    assertThat(texts(all, "leadId")).containsExactly("l2", "l1");
    assertThat(fieldNames(all.get(1)))
        .containsExactly(
            "leadId",
            "reportingUnitId",
            "campaignId",
            "discoveredOn",
            "category",
            "summary",
            "suspect",
            "status",
            "reportedAt");
    assertThat(all.get(1).path("status").asText()).isEqualTo("REPORTED");
    assertThat(all.get(1).path("discoveredOn").asText()).isEqualTo("2026-03-04");
    assertThat(all.get(1).path("suspect").path("phones").get(0).asText()).isEqualTo("13800000000");
    assertThat(all.toString()).doesNotContain("王五", "13700001111", "reporter");

    // And a community sees its own unit's leads only
    assertThat(texts(get("c1-staff", "/api/fraud-leads").body(), "leadId")).containsExactly("l1");
    assertThat(texts(get("street", "/api/fraud-leads?status=REPORTED").body(), "leadId"))
        .containsExactly("l2", "l1");
    assertThat(get("street", "/api/fraud-leads?status=LOST").status())
        .isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(get("auditor", "/api/fraud-leads").status()).isEqualTo(HttpStatus.FORBIDDEN);
  }

  @Test
  void scorecardsRankTheCommunitiesAndExplainEachScore() throws Exception {
    // When the scorecards have caught up (the revocation of p2 is the last fact)
    JsonNode standings =
        await()
            .atMost(PATIENCE)
            .until(
                () -> get("leader", "/api/scorecards?campaignId=2026").body(),
                body ->
                    body.isArray() && body.size() == 3 && body.get(0).path("score").asInt() == 103);

    // Then
    assertThat(standings.toString())
        .isEqualTo(
            "[{\"unitId\":\"c1\",\"unitName\":\"东门社区\",\"score\":103,\"grade\":\"EXCELLENT\",\"rank\":1},"
                + "{\"unitId\":\"c3\",\"unitName\":\"南门社区\",\"score\":100,\"grade\":\"EXCELLENT\",\"rank\":2},"
                + "{\"unitId\":\"c2\",\"unitName\":\"西门社区\",\"score\":88,\"grade\":\"FAIL\",\"rank\":3}]");

    // And as of 5 March the penalty on c1 was not yet revoked
    JsonNode asOf = get("leader", "/api/scorecards?campaignId=2026&asOf=2026-03-05").body();
    assertThat(texts(asOf, "unitId")).containsExactly("c3", "c1", "c2");
    assertThat(asOf.get(1).path("score").decimalValue()).isEqualByComparingTo("98");

    // And a community reads its own detail, line by line
    JsonNode detail = get("c1-staff", "/api/scorecards/2026/c1?asOf=2026-03-05").body();
    assertThat(fieldNames(detail))
        .containsExactly(
            "unitId",
            "unitName",
            "campaignId",
            "score",
            "grade",
            "rulebookVersion",
            "lines",
            "publicityEventsByMonth");
    assertThat(detail.path("score").decimalValue()).isEqualByComparingTo("98");
    assertThat(detail.path("grade").asText()).isEqualTo("EXCELLENT");
    assertThat(detail.path("rulebookVersion").asText()).isEqualTo("default-1");
    assertThat(detail.path("lines").toString())
        .isEqualTo(
            "[{\"rule\":\"BASE\",\"points\":100,\"eventIds\":[\""
                + eventId(LineEvent.LAUNCH)
                + "\"]},{\"rule\":\"PENALTY\",\"points\":-5,\"eventIds\":[\""
                + eventId(LineEvent.PENALTY_P2)
                + "\"]},{\"rule\":\"COMMENDATION\",\"points\":3,\"eventIds\":[\""
                + eventId(LineEvent.COMMENDATION_K1)
                + "\"]}]");
    assertThat(detail.path("publicityEventsByMonth").toString()).isEqualTo("{\"2026-03\":1}");
  }

  @Test
  void scorecardsRefuseWhatTheyCannotAnswer() throws Exception {
    await()
        .atMost(PATIENCE)
        .until(
            () -> get("street", "/api/scorecards?campaignId=2026").status(), HttpStatus.OK::equals);

    Answer otherUnit = get("c1-staff", "/api/scorecards/2026/c2");
    assertThat(otherUnit.status()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(otherUnit.contentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    assertThat(get("c1-staff", "/api/scorecards?campaignId=2026").status())
        .isEqualTo(HttpStatus.OK);
    assertThat(get("police", "/api/scorecards/2026/c2").status()).isEqualTo(HttpStatus.OK);

    Answer unknownCampaign = get("street", "/api/scorecards/1999/c1");
    assertThat(unknownCampaign.status()).isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(unknownCampaign.contentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    assertThat(get("street", "/api/scorecards/2026/bank1").status())
        .isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(get("street", "/api/scorecards?campaignId=1999").status())
        .isEqualTo(HttpStatus.NOT_FOUND);

    Answer missing = get("street", "/api/scorecards");
    assertThat(missing.status()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(missing.body().path("errors").get(0).path("field").asText()).isEqualTo("campaignId");
    assertThat(get("street", "/api/scorecards?campaignId=2026&asOf=5-3-2026").status())
        .isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(get("street", "/api/scorecards?campaignId=2026&asOf=2025-12-01").status())
        .isEqualTo(HttpStatus.NOT_FOUND);
  }

  @Test
  void everyEndpointIsInTheRoleTable() {
    List<String> mapped =
        handlerMapping.getHandlerMethods().keySet().stream()
            .flatMap(info -> info.getPathPatternsCondition().getPatternValues().stream())
            .filter(path -> path.startsWith("/api/"))
            .map(path -> path.replaceAll("\\{[^}]+}", "*"))
            .toList();
    assertThat(QueryEndpointRules.ENDPOINTS)
        .extracting(QueryEndpointRules.Endpoint::path)
        .containsExactlyInAnyOrderElementsOf(mapped);
  }

  @Test
  void healthIsOpenAndAnswersWithoutCredentials() {
    ResponseEntity<String> health = http.getForEntity("/actuator/health", String.class);
    assertThat(health.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(health.getBody()).contains("\"status\":\"UP\"");
    assertThat(
            http.withBasicAuth("street", "wrong")
                .getForEntity("/api/audit", String.class)
                .getStatusCode())
        .isEqualTo(HttpStatus.UNAUTHORIZED);
  }

  @Test
  void replayingEveryProcessorRebuildsIdenticalReadModels() throws Exception {
    // Given every processor caught up with the history
    awaitCaughtUp();
    Map<String, List<Document>> before = readModels();
    assertThat(before.get(AuditEntry.COLLECTION)).hasSize(STREET_HISTORY.size());

    // When every processor is reset to the start of the log and replays it
    for (StreamingEventProcessor processor : streamingProcessors()) {
      processor.shutDown();
      processor.resetTokens();
      processor.start();
    }
    awaitCaughtUp();

    // Then every read model is as it was
    assertThat(readModels()).isEqualTo(before);
  }

  /**
   * Every segment of every processor has handled the last event of the log. After a reset Axon
   * reports "replaying" until an event beyond the reset point arrives, so the reset position is
   * compared rather than that flag.
   */
  private void awaitCaughtUp() {
    long head = eventStore.createHeadToken().position().orElseThrow();
    await()
        .atMost(PATIENCE)
        .until(
            () ->
                streamingProcessors().stream()
                    .map(StreamingEventProcessor::processingStatus)
                    .allMatch(
                        status ->
                            !status.isEmpty()
                                && status.values().stream().allMatch(s -> handledUpTo(s, head))));
  }

  private static boolean handledUpTo(EventTrackerStatus status, long head) {
    long position = status.getCurrentPosition().orElse(-1);
    return status.isCaughtUp()
        && position >= head
        && position >= status.getResetPosition().orElse(-1);
  }

  private List<StreamingEventProcessor> streamingProcessors() {
    List<StreamingEventProcessor> processors =
        processing.eventProcessors().values().stream()
            .filter(StreamingEventProcessor.class::isInstance)
            .map(StreamingEventProcessor.class::cast)
            .toList();
    assertThat(processing.eventProcessors().keySet())
        .containsExactlyInAnyOrder("audit", "fraud-leads", "scorecards");
    return processors;
  }

  private Map<String, List<Document>> readModels() {
    Map<String, List<Document>> models = new LinkedHashMap<>();
    for (String collection : READ_MODELS) {
      models.put(
          collection,
          mongo.findAll(Document.class, collection).stream()
              .sorted(Comparator.comparing(d -> String.valueOf(d.get("_id"))))
              .toList());
    }
    return models;
  }

  private void account(String username, Role role, String unitId) {
    accounts.insertIfAbsent(new Account(username, passwords.encode(username), role, unitId));
  }

  private record Answer(HttpStatus status, MediaType contentType, JsonNode body) {}

  private Answer get(String user, String path) throws Exception {
    ResponseEntity<String> answer = http.withBasicAuth(user, user).getForEntity(path, String.class);
    String body = answer.getBody();
    return new Answer(
        HttpStatus.valueOf(answer.getStatusCode().value()),
        answer.getHeaders().getContentType(),
        body == null ? JSON.nullNode() : JSON.readTree(body));
  }

  private static List<String> texts(JsonNode array, String field) {
    List<String> texts = new ArrayList<>();
    array.forEach(node -> texts.add(node.path(field).asText()));
    return texts;
  }

  private static List<String> fieldNames(JsonNode node) {
    List<String> names = new ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }

  /** Positions in {@link #STREET_HISTORY} of the events a scorecard line rests on. */
  private enum LineEvent {
    LAUNCH(4),
    PENALTY_P2(11),
    COMMENDATION_K1(12);

    final int index;

    LineEvent(int index) {
      this.index = index;
    }
  }

  private static String eventId(LineEvent which) {
    return STREET_HISTORY.get(which.index).getIdentifier();
  }

  /** A street with three communities through March 2026, in log order. */
  private static List<DomainEventMessage<?>> streetHistory() {
    Map<String, String> street = by("street", "STREET_OFFICE", "s1");
    Map<String, String> c1 = by("c1-staff", "COMMUNITY", "c1");
    Map<String, String> c2 = by("c2-staff", "COMMUNITY", "c2");
    return List.of(
        event(
            "Unit",
            "s1",
            0,
            new UnitRegistered("s1", "城关街道", UnitKind.STREET_OFFICE, null, null),
            "2025-12-01T02:00:00Z",
            street),
        event(
            "Unit",
            "c1",
            0,
            new UnitRegistered("c1", "东门社区", UnitKind.COMMUNITY, "s1", 8000),
            "2025-12-01T02:01:00Z",
            street),
        event(
            "Unit",
            "c2",
            0,
            new UnitRegistered("c2", "西门社区", UnitKind.COMMUNITY, "s1", 6000),
            "2025-12-01T02:02:00Z",
            street),
        event(
            "Unit",
            "c3",
            0,
            new UnitRegistered("c3", "南门社区", UnitKind.COMMUNITY, "s1", 5000),
            "2025-12-01T02:03:00Z",
            street),
        event(
            "Campaign",
            "2026",
            0,
            new CampaignLaunched(
                "2026",
                "2026年防范电信诈骗宣传",
                "s1",
                LocalDate.parse("2026-01-01"),
                LocalDate.parse("2026-12-31"),
                30,
                LocalDate.parse("2026-12-30"),
                List.of("c1", "c2", "c3"),
                null,
                Rulebook.defaultRules()),
            "2026-01-05T02:00:00Z",
            street),
        event(
            "Account",
            "c1-staff",
            0,
            new AccountOpened("c1-staff", Role.COMMUNITY, "c1"),
            "2026-01-06T02:00:00Z",
            street),
        event(
            "PublishEvent",
            "pe1",
            0,
            new PublishEventHeld(
                "pe1",
                "2026",
                "c1",
                LocalDate.parse("2026-03-01"),
                new Location("东门广场", LocationKind.PARK),
                List.of(PublicityFormat.CONSULTATION_DESK, PublicityFormat.LEAFLET),
                List.of(TargetGroup.ELDERLY),
                150,
                400,
                "咨询台"),
            "2026-03-01T08:00:00Z",
            c1),
        event(
            "PublishEvent",
            "pe1",
            1,
            new EvidenceSubmitted(
                "ev1",
                "pe1",
                "2026",
                "c1",
                EvidenceKind.PHOTO,
                "desk.jpg",
                "ab12",
                2048,
                "image/jpeg",
                "gridfs:ev1"),
            "2026-03-01T09:00:00Z",
            c1),
        event(
            "FraudLead",
            "l1",
            0,
            new FraudLeadReported(
                "l1",
                "c1",
                "2026",
                LocalDate.parse("2026-03-04"),
                FraudCategory.FAKE_INVESTMENT,
                "resident offered 'gold futures'",
                new Suspect(List.of("13800000000"), List.of(), List.of()),
                new Reporter("王五", "13700001111")),
            "2026-03-01T10:00:00Z",
            c1),
        event(
            "FraudLead",
            "l2",
            0,
            new FraudLeadReported(
                "l2",
                "c2",
                "2026",
                LocalDate.parse("2026-03-05"),
                FraudCategory.ONLINE_LOAN,
                "loan app",
                new Suspect(null, null, List.of("http://loan.example")),
                null),
            "2026-03-01T11:00:00Z",
            c2),
        event(
            "Penalty",
            "p1",
            0,
            new UnitPenalized(
                "p1",
                "2026",
                "c2",
                new BigDecimal("12"),
                PenaltyReason.CAMPAIGN_NOT_CONDUCTED,
                "no activity",
                List.of()),
            "2026-03-01T12:00:00Z",
            street),
        event(
            "Penalty",
            "p2",
            0,
            new UnitPenalized(
                "p2",
                "2026",
                "c1",
                new BigDecimal("5"),
                PenaltyReason.LATE_MATERIALS,
                "late",
                List.of()),
            "2026-03-02T02:00:00Z",
            street),
        event(
            "Commendation",
            "k1",
            0,
            new UnitCommended("k1", "2026", "c1", new BigDecimal("3"), "good work"),
            "2026-03-03T02:00:00Z",
            street),
        event(
            "Penalty",
            "p2",
            1,
            new PenaltyRevoked("p2", "2026", "c1", "materials were on time"),
            "2026-03-10T02:00:00Z",
            street));
  }

  private static DomainEventMessage<?> event(
      String type, String id, long sequence, Object payload, String at, Map<String, String> meta) {
    String prefix =
        switch (type) {
          case "PublishEvent" -> "publish-event";
          case "FraudLead" -> "lead";
          default -> type.toLowerCase();
        };
    return new GenericDomainEventMessage<>(
        type,
        prefix + ":" + id,
        sequence,
        payload,
        meta,
        UUID.randomUUID().toString(),
        Instant.parse(at));
  }
}
