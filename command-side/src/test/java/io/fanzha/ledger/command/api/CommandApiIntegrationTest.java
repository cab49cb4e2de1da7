package io.fanzha.ledger.command.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fanzha.ledger.command.config.CommandEndpointRules;
import io.fanzha.ledger.events.UnitKind;
import io.fanzha.ledger.events.UnitRegistered;
import io.fanzha.ledger.platform.access.AccessKind;
import io.fanzha.ledger.platform.access.AccessRecord;
import io.fanzha.ledger.stores.EmbeddedStores;
import java.io.InputStream;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.bson.BsonString;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.MongoDatabaseFactory;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * The command API over a real socket, against the embedded stores on random ports: what a request
 * records, with whom it names as the actor, and that every refusal records nothing.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    // the campaign here lies partly in the past: keep its deadlines from firing mid-test
    properties = "fanzha.deadlines.first-sweep-after=PT1H")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CommandApiIntegrationTest {

  static final EmbeddedStores stores = EmbeddedStores.inMemory();
  static final String STREET = "street";
  static final String EAST = "east-staff:east-pass";
  static final String WEST = "west-staff:west-pass";

  @DynamicPropertySource
  static void stores(DynamicPropertyRegistry registry) {
    registry.add("spring.datasource.url", stores::jdbcUrl);
    registry.add("spring.data.mongodb.uri", stores::mongoUri);
  }

  @LocalServerPort int port;
  @Autowired JdbcTemplate jdbc;

  @Autowired
  @Qualifier("requestMappingHandlerMapping")
  RequestMappingHandlerMapping handlerMapping;

  @Autowired MongoDatabaseFactory mongo;
  @Autowired EventStorageEngine engine;
  final ObjectMapper json = new ObjectMapper();
  Http http;

  @BeforeAll
  void aStreetWithACampaign() {
    http = new Http(port);
    created(
        http.postJson(
            STREET,
            "/api/units",
            "{\"id\":\"street1\",\"name\":\"东湖街道\",\"kind\":\"STREET_OFFICE\"}"));
    for (String c : List.of("east", "west")) {
      created(
          http.postJson(
              STREET,
              "/api/units",
              "{\"id\":\""
                  + c
                  + "\",\"name\":\""
                  + c
                  + "社区\",\"kind\":\"COMMUNITY\",\"parentId\":\"street1\",\"population\":9000}"));
      created(
          http.postJson(
              STREET,
              "/api/accounts",
              "{\"username\":\""
                  + c
                  + "-staff\",\"password\":\""
                  + c
                  + "-pass\",\"role\":\"COMMUNITY\",\"unitId\":\""
                  + c
                  + "\"}"));
    }
    created(
        http.postJson(
            STREET,
            "/api/campaigns",
            "{\"id\":\"y2026\",\"title\":\"2026年反诈宣传\",\"jurisdictionUnitId\":\"street1\","
                + "\"startDate\":\"2026-01-01\",\"endDate\":\"2026-12-31\",\"monthlyReportDueDay\":30,"
                + "\"yearEndReportDue\":\"2026-12-30\",\"communityIds\":[\"east\",\"west\"]}"));
    created(http.postJson(EAST, "/api/publish-events", publishEvent("pe-base", "east", 40)));
  }

  static String publishEvent(String id, String unit, int audience) {
    return "{\"id\":\""
        + id
        + "\",\"campaignId\":\"y2026\",\"unitId\":\""
        + unit
        + "\",\"heldOn\":\"2026-03-05\",\"location\":{\"name\":\"东湖公园\",\"kind\":\"PARK\"},"
        + "\"formats\":[\"BANNER\",\"LEAFLET\"],\"targetGroups\":[\"ELDERLY\"],\"audienceCount\":"
        + audience
        + "}";
  }

  static void created(Http.Answer answer) {
    assertThat(answer.status()).as(answer.body()).isEqualTo(201);
  }

  long eventCount() {
    return jdbc.queryForObject("SELECT COUNT(*) FROM domain_event_entry", Long.class);
  }

  long evidenceFiles() {
    return mongo.getMongoDatabase().getCollection("evidence.files").countDocuments();
  }

  JsonNode lastMetaData() throws Exception {
    byte[] bytes =
        jdbc.queryForObject(
            "SELECT meta_data FROM domain_event_entry ORDER BY global_index DESC LIMIT 1",
            byte[].class);
    return json.readTree(bytes);
  }

  @Test
  void everyEventNamesWhoRecordedItTheirUnitTheRequestAndTheClient() throws Exception {
    Http.Answer answer =
        http.postJson(EAST, "/api/publish-events", publishEvent("pe-meta", "east", 12), "req-42");

    assertThat(answer.status()).isEqualTo(201);
    JsonNode meta = lastMetaData();
    assertThat(meta.path("actor").asText()).isEqualTo("east-staff");
    assertThat(meta.path("role").asText()).isEqualTo("COMMUNITY");
    assertThat(meta.path("unitId").asText()).isEqualTo("east");
    assertThat(meta.path("requestId").asText()).isEqualTo("req-42");
    assertThat(meta.path("clientAddress").asText()).isEqualTo("127.0.0.1");
  }

  @Test
  void aRefusedAuthorisationIsInTheAccessTrailWithWhoAndWhat() {
    // Given a refusal by the URL rules and one by the ledger (a community recording for another)
    assertThat(
            http.postJson(
                    "leader",
                    "/api/units",
                    "{\"id\":\"u-trail\",\"name\":\"n\",\"kind\":\"OTHER\"}",
                    "req-trail-rules")
                .status())
        .isEqualTo(403);
    assertThat(
            http.postJson(
                    WEST,
                    "/api/publish-events",
                    publishEvent("pe-trail", "east", 3),
                    "req-trail-unit")
                .status())
        .isEqualTo(403);

    // Then both are in the access trail, with who asked, for what, and which refusal
    MongoTemplate template = new MongoTemplate(mongo);
    AccessRecord rules =
        template.findOne(query(where("requestId").is("req-trail-rules")), AccessRecord.class);
    AccessRecord unit =
        template.findOne(query(where("requestId").is("req-trail-unit")), AccessRecord.class);
    assertThat(rules)
        .extracting(
            AccessRecord::kind,
            AccessRecord::actor,
            AccessRecord::role,
            AccessRecord::method,
            AccessRecord::path)
        .containsExactly(AccessKind.FORBIDDEN, "leader", "LEADERSHIP", "POST", "/api/units");
    assertThat(unit)
        .extracting(
            AccessRecord::kind, AccessRecord::actor, AccessRecord::unitId, AccessRecord::path)
        .containsExactly(AccessKind.FORBIDDEN, "west-staff", "west", "/api/publish-events");
    assertThat(unit.detail()).isNotBlank();
  }

  @Test
  void everyEndpointIsInTheRoleTable() {
    // Given every method and path the application answers, with path variables as *
    List<String> mapped =
        handlerMapping.getHandlerMethods().keySet().stream()
            .flatMap(
                info ->
                    info.getPathPatternsCondition().getPatternValues().stream()
                        .flatMap(
                            path ->
                                info.getMethodsCondition().getMethods().stream()
                                    .map(m -> m + " " + path.replaceAll("\\{[^}]+}", "*"))))
            .filter(endpoint -> endpoint.contains(" /api/") || endpoint.contains(" /admin/"))
            .toList();
    List<String> table =
        CommandEndpointRules.ENDPOINTS.stream()
            .map(e -> (e.method() == null ? "ANY" : e.method().name()) + " " + e.path())
            .toList();

    // Then each is in the table, and the table holds nothing else but the profiles' own
    assertThat(table).containsAll(mapped);
    assertThat(table)
        .filteredOn(row -> !mapped.contains(row))
        .containsExactlyInAnyOrder("ANY /admin/clock", "POST /admin/bench/gateway");
  }

  @Test
  void aRequestWithoutAnIdGetsOneAndHearsIt() throws Exception {
    http.postJson(EAST, "/api/publish-events", publishEvent("pe-noid", "east", 13));

    assertThat(lastMetaData().path("requestId").asText()).hasSizeGreaterThan(10);
  }

  @Test
  void repeatingACreateAnswersAsBeforeAndRecordsNothing() {
    String body = publishEvent("pe-twice", "east", 20);
    Http.Answer first = http.postJson(EAST, "/api/publish-events", body);
    long after = eventCount();

    Http.Answer second = http.postJson(EAST, "/api/publish-events", body);

    assertThat(second.status()).isEqualTo(first.status()).isEqualTo(201);
    assertThat(second.body()).isEqualTo(first.body());
    assertThat(eventCount()).isEqualTo(after);
  }

  @Test
  void theSameIdWithAnotherBodyIsAConflictAndRecordsNothing() {
    http.postJson(EAST, "/api/publish-events", publishEvent("pe-conflict", "east", 20));
    long after = eventCount();

    Http.Answer answer =
        http.postJson(EAST, "/api/publish-events", publishEvent("pe-conflict", "east", 21));

    assertThat(answer.status()).isEqualTo(409);
    assertThat(answer.contentType()).startsWith("application/problem+json");
    assertThat(eventCount()).isEqualTo(after);
  }

  @Test
  void evidenceBytesAreKeptUnderTheirHashAndTheTypeIsReadFromTheBytes() throws Exception {
    byte[] png = Samples.png(7);

    Http.Answer answer =
        http.upload(EAST, "/api/publish-events/pe-base/evidence", png, "site.jpg", "PHOTO");

    assertThat(answer.status()).as(answer.body()).isEqualTo(201);
    JsonNode body = json.readTree(answer.body());
    String sha256 = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(png));
    assertThat(body.path("sha256").asText()).isEqualTo(sha256);
    assertThat(body.path("size").asLong()).isEqualTo(png.length);
    assertThat(body.path("mediaType").asText()).isEqualTo("image/png");
    try (InputStream stored =
        com.mongodb.client.gridfs.GridFSBuckets.create(mongo.getMongoDatabase(), "evidence")
            .openDownloadStream(new BsonString("evidence/pe-base/" + sha256))) {
      assertThat(stored.readAllBytes()).isEqualTo(png);
    }
  }

  @Test
  void aPdfIsAcceptedAsADocument() throws Exception {
    Http.Answer answer =
        http.upload(
            EAST, "/api/publish-events/pe-base/evidence", Samples.pdf(), "x.pdf", "DOCUMENT");

    assertThat(answer.status()).isEqualTo(201);
    assertThat(json.readTree(answer.body()).path("mediaType").asText())
        .isEqualTo("application/pdf");
  }

  @Test
  void theSameFileTwiceIsOneEvidenceAndOneStoredFile() {
    byte[] png = Samples.png(99);
    Http.Answer first =
        http.upload(EAST, "/api/publish-events/pe-base/evidence", png, "a.png", "PHOTO");
    long events = eventCount();
    long files = evidenceFiles();

    Http.Answer second =
        http.upload(EAST, "/api/publish-events/pe-base/evidence", png, "a.png", "PHOTO");

    assertThat(second.status()).isEqualTo(201);
    assertThat(second.body()).isEqualTo(first.body());
    assertThat(eventCount()).isEqualTo(events);
    assertThat(evidenceFiles()).isEqualTo(files);
  }

  @Test
  void aSecondWriteAtTheSameSequenceIsRefusedAsAConcurrentWrite() {
    UnitRegistered unit = new UnitRegistered("h2-race", "东湖社区", UnitKind.COMMUNITY, null, 1);
    engine.appendEvents(
        new GenericDomainEventMessage<>("Unit", "unit:h2-race", 0, unit),
        new GenericDomainEventMessage<>("Unit", "unit:h2-race", 1, unit));

    assertThatThrownBy(
            () ->
                engine.appendEvents(
                    new GenericDomainEventMessage<>("Unit", "unit:h2-race", 0, unit)))
        .isInstanceOf(AggregateStreamCreationException.class);
    assertThatThrownBy(
            () ->
                engine.appendEvents(
                    new GenericDomainEventMessage<>("Unit", "unit:h2-race", 1, unit)))
        .isInstanceOf(ConcurrencyException.class);
  }

  /** The store reads a stream in batches of 500 and takes a shorter batch for the last one. */
  @ParameterizedTest
  @ValueSource(ints = {499, 500, 501, 1000, 1203})
  void aStreamIsReadWholeWhateverItsLengthAgainstTheBatchSize(int length) {
    String stream = "unit:long-" + length;
    UnitRegistered unit = new UnitRegistered("long", "东湖社区", UnitKind.COMMUNITY, null, 1);
    engine.appendEvents(
        IntStream.range(0, length)
            .mapToObj(seq -> new GenericDomainEventMessage<>("Unit", stream, seq, unit))
            .toList());

    List<Long> sequences =
        engine.readEvents(stream).asStream().map(e -> e.getSequenceNumber()).toList();

    assertThat(sequences).hasSize(length).first().isEqualTo(0L);
    assertThat(sequences.get(length - 1)).isEqualTo(length - 1L);
    assertThat(engine.readEvents(stream, 499).asStream().count()).isEqualTo(length - 499L);
  }

  @Test
  void healthAnswersWithoutCredentialsAndTheApiDoesNot() {
    assertThat(http.get(null, "/actuator/health").status()).isEqualTo(200);
    Http.Answer anonymous =
        http.postJson(null, "/api/publish-events", publishEvent("pe-anon", "east", 1));
    assertThat(anonymous.status()).isEqualTo(401);
    assertThat(anonymous.contentType()).startsWith("application/problem+json");
  }

  record BadInput(String name, String user, String path, String json, Upload upload, int status) {
    @Override
    public String toString() {
      return name;
    }
  }

  record Upload(byte[] file, String kind) {}

  static BadInput json(String name, String user, String path, String body, int status) {
    return new BadInput(name, user, path, body, null, status);
  }

  static BadInput upload(String name, String user, String path, Upload upload, int status) {
    return new BadInput(name, user, path, null, upload, status);
  }

  static String oversized() {
    return "{\"id\":\"big\",\"name\":\"" + "x".repeat(300_000) + "\"}";
  }

  static final String RULEBOOK =
      "{\"effectiveFrom\":\"2026-07-01\",\"rulebook\":{\"version\":\"strict-2\",\"basePoints\":100,"
          + "\"publicityMonthMissed\":6,\"evidenceMissing\":1,\"evidenceWindowDays\":7,\"reportLate\":2,"
          + "\"reportMissing\":5,\"rectificationOverdue\":3,\"commendationCapPerYear\":5,"
          + "\"leadConfirmed\":0.5,\"leadConfirmedCapPerYear\":3,\"caseRateBands\":[],"
          + "\"excellentFrom\":95,\"passFrom\":90}}";

  @Test
  void theSimulationClockIsAbsentWithoutItsProfile() {
    assertThat(http.get(STREET, "/admin/clock").status()).isEqualTo(404);
  }

  static Stream<BadInput> badInputs() {
    String units = "/api/units";
    String campaigns = "/api/campaigns";
    String accounts = "/api/accounts";
    String events = "/api/publish-events";
    String evidence = "/api/publish-events/pe-base/evidence";
    String leads = "/api/fraud-leads";
    String penalties = "/api/penalties";
    String revocation = "/api/penalties/p-none/revocation";
    String commendations = "/api/commendations";
    String campaignBody =
        "\"title\":\"t\",\"jurisdictionUnitId\":\"street1\",\"startDate\":\"2027-01-01\","
            + "\"endDate\":\"2027-12-31\",\"yearEndReportDue\":\"2027-12-30\"";
    String eventBody =
        "\"campaignId\":\"y2026\",\"unitId\":\"east\",\"heldOn\":\"2026-03-05\","
            + "\"formats\":[\"BANNER\"],\"targetGroups\":[\"ELDERLY\"],\"audienceCount\":5";
    String leadBody =
        "\"reportingUnitId\":\"east\",\"discoveredOn\":\"2026-03-05\",\"summary\":\"s\"";
    String penaltyBody =
        "\"campaignId\":\"y2026\",\"unitId\":\"east\",\"reasonCode\":\"POOR_WORK\",\"description\":\"d\"";
    return Stream.of(
        json("unit: malformed JSON", STREET, units, "{\"id\":", 400),
        json(
            "unit: unknown kind",
            STREET,
            units,
            "{\"id\":\"u1\",\"name\":\"n\",\"kind\":\"VILLAGE\"}",
            400),
        json("unit: missing name", STREET, units, "{\"id\":\"u1\",\"kind\":\"COMMUNITY\"}", 400),
        json(
            "unit: population not a number",
            STREET,
            units,
            "{\"id\":\"u1\",\"name\":\"n\",\"kind\":\"COMMUNITY\",\"population\":\"many\"}",
            400),
        json(
            "unit: id breaks the rule",
            STREET,
            units,
            "{\"id\":\"u 1!\",\"name\":\"n\",\"kind\":\"COMMUNITY\"}",
            400),
        json(
            "unit: unknown field",
            STREET,
            units,
            "{\"id\":\"u1\",\"name\":\"n\",\"kind\":\"COMMUNITY\",\"colour\":\"red\"}",
            400),
        json("unit: oversized body", STREET, units, oversized(), 413),
        json(
            "unit: unknown parent",
            STREET,
            units,
            "{\"id\":\"u1\",\"name\":\"n\",\"kind\":\"COMMUNITY\",\"parentId\":\"ghost\"}",
            422),
        json(
            "unit: by a community account",
            EAST,
            units,
            "{\"id\":\"u1\",\"name\":\"n\",\"kind\":\"COMMUNITY\"}",
            403),
        json("campaign: malformed JSON", STREET, campaigns, "[", 400),
        json(
            "campaign: missing communities",
            STREET,
            campaigns,
            "{\"id\":\"c27\"," + campaignBody + ",\"monthlyReportDueDay\":30}",
            400),
        json(
            "campaign: due day not a number",
            STREET,
            campaigns,
            "{\"id\":\"c27\","
                + campaignBody
                + ",\"monthlyReportDueDay\":\"end\",\"communityIds\":[\"east\"]}",
            400),
        json(
            "campaign: due day 32",
            STREET,
            campaigns,
            "{\"id\":\"c27\","
                + campaignBody
                + ",\"monthlyReportDueDay\":32,\"communityIds\":[\"east\"]}",
            400),
        json(
            "campaign: bad date",
            STREET,
            campaigns,
            "{\"id\":\"c27\",\"title\":\"t\",\"jurisdictionUnitId\":\"street1\",\"startDate\":\"2027-13-01\",\"endDate\":\"2027-12-31\",\"yearEndReportDue\":\"2027-12-30\",\"monthlyReportDueDay\":30,\"communityIds\":[\"east\"]}",
            400),
        json(
            "campaign: id breaks the rule",
            STREET,
            campaigns,
            "{\"id\":\""
                + "c".repeat(65)
                + "\","
                + campaignBody
                + ",\"monthlyReportDueDay\":30,\"communityIds\":[\"east\"]}",
            400),
        json("campaign: oversized body", STREET, campaigns, oversized(), 413),
        json(
            "campaign: unknown community",
            STREET,
            campaigns,
            "{\"id\":\"c27\","
                + campaignBody
                + ",\"monthlyReportDueDay\":30,\"communityIds\":[\"ghost\"]}",
            422),
        json(
            "campaign: by a community account",
            EAST,
            campaigns,
            "{\"id\":\"c27\","
                + campaignBody
                + ",\"monthlyReportDueDay\":30,\"communityIds\":[\"east\"]}",
            403),
        json("account: malformed JSON", STREET, accounts, "{{", 400),
        json(
            "account: unknown role",
            STREET,
            accounts,
            "{\"username\":\"a1\",\"password\":\"secret1\",\"role\":\"MAYOR\"}",
            400),
        json(
            "account: missing password",
            STREET,
            accounts,
            "{\"username\":\"a1\",\"role\":\"AUDITOR\"}",
            400),
        json(
            "account: role not a string",
            STREET,
            accounts,
            "{\"username\":\"a1\",\"password\":\"secret1\",\"role\":[1]}",
            400),
        json(
            "account: username breaks the rule",
            STREET,
            accounts,
            "{\"username\":\"a/1\",\"password\":\"secret1\",\"role\":\"AUDITOR\"}",
            400),
        json("account: oversized body", STREET, accounts, oversized(), 413),
        json(
            "account: unknown unit",
            STREET,
            accounts,
            "{\"username\":\"a1\",\"password\":\"secret1\",\"role\":\"COMMUNITY\",\"unitId\":\"ghost\"}",
            422),
        json(
            "account: by a community account",
            EAST,
            accounts,
            "{\"username\":\"a1\",\"password\":\"secret1\",\"role\":\"AUDITOR\"}",
            403),
        json("publish event: malformed JSON", EAST, events, "{\"id\":\"e1\",", 400),
        json(
            "publish event: unknown location kind",
            EAST,
            events,
            "{\"id\":\"e1\"," + eventBody + ",\"location\":{\"name\":\"n\",\"kind\":\"MOON\"}}",
            400),
        json(
            "publish event: missing location",
            EAST,
            events,
            "{\"id\":\"e1\"," + eventBody + "}",
            400),
        json(
            "publish event: audience not a number",
            EAST,
            events,
            "{\"id\":\"e1\",\"campaignId\":\"y2026\",\"unitId\":\"east\",\"heldOn\":\"2026-03-05\",\"formats\":[\"BANNER\"],\"targetGroups\":[\"ELDERLY\"],\"audienceCount\":\"lots\",\"location\":{\"name\":\"n\",\"kind\":\"PARK\"}}",
            400),
        json(
            "publish event: negative audience",
            EAST,
            events,
            "{\"id\":\"e1\",\"campaignId\":\"y2026\",\"unitId\":\"east\",\"heldOn\":\"2026-03-05\",\"formats\":[\"BANNER\"],\"targetGroups\":[\"ELDERLY\"],\"audienceCount\":-1,\"location\":{\"name\":\"n\",\"kind\":\"PARK\"}}",
            400),
        json(
            "publish event: id breaks the rule",
            EAST,
            events,
            "{\"id\":\"e.1\"," + eventBody + ",\"location\":{\"name\":\"n\",\"kind\":\"PARK\"}}",
            400),
        json("publish event: oversized body", EAST, events, oversized(), 413),
        json(
            "publish event: unknown campaign",
            EAST,
            events,
            "{\"id\":\"e1\",\"campaignId\":\"ghost\",\"unitId\":\"east\",\"heldOn\":\"2026-03-05\",\"formats\":[\"BANNER\"],\"targetGroups\":[\"ELDERLY\"],\"audienceCount\":5,\"location\":{\"name\":\"n\",\"kind\":\"PARK\"}}",
            422),
        json(
            "publish event: for another unit",
            WEST,
            events,
            "{\"id\":\"e1\"," + eventBody + ",\"location\":{\"name\":\"n\",\"kind\":\"PARK\"}}",
            403),
        json(
            "publish event: by the leadership",
            "leader",
            events,
            "{\"id\":\"e1\"," + eventBody + ",\"location\":{\"name\":\"n\",\"kind\":\"PARK\"}}",
            403),
        upload(
            "evidence: a text file",
            EAST,
            evidence,
            new Upload("just text".getBytes(), "PHOTO"),
            415),
        upload("evidence: an empty file", EAST, evidence, new Upload(new byte[0], "PHOTO"), 400),
        upload("evidence: no file", EAST, evidence, new Upload(null, "PHOTO"), 400),
        upload("evidence: unknown kind", EAST, evidence, new Upload(Samples.png(1), "VIDEO"), 400),
        upload("evidence: no kind", EAST, evidence, new Upload(Samples.png(1), null), 400),
        upload(
            "evidence: unknown publicity event",
            EAST,
            "/api/publish-events/ghost/evidence",
            new Upload(Samples.png(2), "PHOTO"),
            404),
        upload(
            "evidence: path id breaks the rule",
            EAST,
            "/api/publish-events/a.b/evidence",
            new Upload(Samples.png(3), "PHOTO"),
            400),
        upload(
            "evidence: for another unit", WEST, evidence, new Upload(Samples.png(4), "PHOTO"), 403),
        upload(
            "evidence: larger than 20 MB",
            EAST,
            evidence,
            new Upload(new byte[20 * 1024 * 1024 + 1], "PHOTO"),
            413),
        json("lead: malformed JSON", EAST, leads, "{\"id\":}", 400),
        json(
            "lead: unknown category",
            EAST,
            leads,
            "{\"id\":\"l1\"," + leadBody + ",\"category\":\"SPAM\",\"suspect\":{}}",
            400),
        json(
            "lead: missing suspect",
            EAST,
            leads,
            "{\"id\":\"l1\"," + leadBody + ",\"category\":\"OTHER\"}",
            400),
        json(
            "lead: suspect phones not a list",
            EAST,
            leads,
            "{\"id\":\"l1\"," + leadBody + ",\"category\":\"OTHER\",\"suspect\":{\"phones\":{}}}",
            400),
        json(
            "lead: reporter phone not a phone",
            EAST,
            leads,
            "{\"id\":\"l1\","
                + leadBody
                + ",\"category\":\"OTHER\",\"suspect\":{},\"reporter\":{\"name\":\"n\",\"phone\":\"call me\"}}",
            400),
        json(
            "lead: id breaks the rule",
            EAST,
            leads,
            "{\"id\":\"\"," + leadBody + ",\"category\":\"OTHER\",\"suspect\":{}}",
            400),
        json("lead: oversized body", EAST, leads, oversized(), 413),
        json(
            "lead: unknown campaign",
            EAST,
            leads,
            "{\"id\":\"l1\","
                + leadBody
                + ",\"campaignId\":\"ghost\",\"category\":\"OTHER\",\"suspect\":{}}",
            422),
        json(
            "lead: for another unit",
            WEST,
            leads,
            "{\"id\":\"l1\"," + leadBody + ",\"category\":\"OTHER\",\"suspect\":{}}",
            403),
        json("penalty: malformed JSON", STREET, penalties, "nope", 400),
        json(
            "penalty: unknown reason",
            STREET,
            penalties,
            "{\"id\":\"p1\",\"campaignId\":\"y2026\",\"unitId\":\"east\",\"reasonCode\":\"BAD_LUCK\",\"description\":\"d\",\"points\":1}",
            400),
        json(
            "penalty: missing points",
            STREET,
            penalties,
            "{\"id\":\"p1\"," + penaltyBody + "}",
            400),
        json(
            "penalty: points not a number",
            STREET,
            penalties,
            "{\"id\":\"p1\"," + penaltyBody + ",\"points\":\"two\"}",
            400),
        json(
            "penalty: zero points",
            STREET,
            penalties,
            "{\"id\":\"p1\"," + penaltyBody + ",\"points\":0}",
            400),
        json(
            "penalty: id breaks the rule",
            STREET,
            penalties,
            "{\"id\":\"p#1\"," + penaltyBody + ",\"points\":1}",
            400),
        json("penalty: oversized body", STREET, penalties, oversized(), 413),
        json(
            "penalty: unknown unit",
            STREET,
            penalties,
            "{\"id\":\"p1\",\"campaignId\":\"y2026\",\"unitId\":\"ghost\",\"reasonCode\":\"POOR_WORK\",\"description\":\"d\",\"points\":1}",
            422),
        json(
            "penalty: unknown basis event",
            STREET,
            penalties,
            "{\"id\":\"p1\","
                + penaltyBody
                + ",\"points\":1,\"basisEventIds\":[\"no-such-event\"]}",
            422),
        json(
            "penalty: by a community account",
            EAST,
            penalties,
            "{\"id\":\"p1\"," + penaltyBody + ",\"points\":1}",
            403),
        json("revocation: malformed JSON", STREET, revocation, "{\"reason\"", 400),
        json("revocation: missing reason", STREET, revocation, "{}", 400),
        json(
            "revocation: path id breaks the rule",
            STREET,
            "/api/penalties/p!/revocation",
            "{\"reason\":\"r\"}",
            400),
        json("revocation: unknown penalty", STREET, revocation, "{\"reason\":\"r\"}", 404),
        json("revocation: oversized body", STREET, revocation, oversized(), 413),
        json("revocation: by a community account", EAST, revocation, "{\"reason\":\"r\"}", 403),
        json("commendation: malformed JSON", STREET, commendations, "{\"id\":\"k1\"", 400),
        json(
            "commendation: missing reason",
            STREET,
            commendations,
            "{\"id\":\"k1\",\"campaignId\":\"y2026\",\"unitId\":\"east\",\"points\":1}",
            400),
        json(
            "commendation: points not a number",
            STREET,
            commendations,
            "{\"id\":\"k1\",\"campaignId\":\"y2026\",\"unitId\":\"east\",\"points\":[],\"reason\":\"r\"}",
            400),
        json(
            "commendation: id breaks the rule",
            STREET,
            commendations,
            "{\"id\":\"k 1\",\"campaignId\":\"y2026\",\"unitId\":\"east\",\"points\":1,\"reason\":\"r\"}",
            400),
        json("commendation: oversized body", STREET, commendations, oversized(), 413),
        json(
            "commendation: unknown campaign",
            STREET,
            commendations,
            "{\"id\":\"k1\",\"campaignId\":\"ghost\",\"unitId\":\"east\",\"points\":1,\"reason\":\"r\"}",
            422),
        json(
            "commendation: by a community account",
            EAST,
            commendations,
            "{\"id\":\"k1\",\"campaignId\":\"y2026\",\"unitId\":\"east\",\"points\":1,\"reason\":\"r\"}",
            403),
        json(
            "monthly report: malformed JSON",
            EAST,
            "/api/monthly-reports",
            "{\"campaignId\":",
            400),
        json(
            "monthly report: not a month",
            EAST,
            "/api/monthly-reports",
            "{\"campaignId\":\"y2026\",\"unitId\":\"east\",\"month\":\"2026-13\",\"statistics\":{\"eventsHeld\":1,\"audienceReached\":2,\"materialsDistributed\":3,\"postersPut\":4,\"smsSent\":5,\"screenBroadcasts\":6,\"householdsVisited\":7,\"leadsFound\":8}}",
            400),
        json(
            "monthly report: missing statistics",
            EAST,
            "/api/monthly-reports",
            "{\"campaignId\":\"y2026\",\"unitId\":\"east\",\"month\":\"2026-03\"}",
            400),
        json(
            "monthly report: a negative count",
            EAST,
            "/api/monthly-reports",
            "{\"campaignId\":\"y2026\",\"unitId\":\"east\",\"month\":\"2026-03\",\"statistics\":{\"eventsHeld\":-1,\"audienceReached\":2,\"materialsDistributed\":3,\"postersPut\":4,\"smsSent\":5,\"screenBroadcasts\":6,\"householdsVisited\":7,\"leadsFound\":8}}",
            400),
        json(
            "monthly report: a count not a number",
            EAST,
            "/api/monthly-reports",
            "{\"campaignId\":\"y2026\",\"unitId\":\"east\",\"month\":\"2026-03\",\"statistics\":{\"eventsHeld\":\"one\"}}",
            400),
        json("monthly report: oversized body", EAST, "/api/monthly-reports", oversized(), 413),
        json(
            "monthly report: unknown campaign",
            EAST,
            "/api/monthly-reports",
            "{\"campaignId\":\"ghost\",\"unitId\":\"east\",\"month\":\"2026-03\",\"statistics\":{\"eventsHeld\":1,\"audienceReached\":2,\"materialsDistributed\":3,\"postersPut\":4,\"smsSent\":5,\"screenBroadcasts\":6,\"householdsVisited\":7,\"leadsFound\":8}}",
            422),
        json(
            "monthly report: for another unit",
            WEST,
            "/api/monthly-reports",
            "{\"campaignId\":\"y2026\",\"unitId\":\"east\",\"month\":\"2026-03\",\"statistics\":{\"eventsHeld\":1,\"audienceReached\":2,\"materialsDistributed\":3,\"postersPut\":4,\"smsSent\":5,\"screenBroadcasts\":6,\"householdsVisited\":7,\"leadsFound\":8}}",
            403),
        json(
            "monthly report: by the leadership",
            "leader",
            "/api/monthly-reports",
            "{\"campaignId\":\"y2026\",\"unitId\":\"east\",\"month\":\"2026-03\",\"statistics\":{\"eventsHeld\":1,\"audienceReached\":2,\"materialsDistributed\":3,\"postersPut\":4,\"smsSent\":5,\"screenBroadcasts\":6,\"householdsVisited\":7,\"leadsFound\":8}}",
            403),
        json(
            "year-end report: missing statistics",
            EAST,
            "/api/year-end-reports",
            "{\"campaignId\":\"y2026\",\"unitId\":\"east\"}",
            400),
        json(
            "year-end report: unknown campaign",
            EAST,
            "/api/year-end-reports",
            "{\"campaignId\":\"ghost\",\"unitId\":\"east\",\"statistics\":{\"eventsHeld\":1,\"audienceReached\":2,\"materialsDistributed\":3,\"postersPut\":4,\"smsSent\":5,\"screenBroadcasts\":6,\"householdsVisited\":7,\"leadsFound\":8}}",
            422),
        json(
            "inspection: unknown kind",
            STREET,
            "/api/inspections",
            "{\"id\":\"i1\",\"campaignId\":\"y2026\",\"unitId\":\"east\",\"kind\":\"SURPRISE\",\"conductedOn\":\"2026-03-05\",\"findings\":\"f\",\"rating\":\"PASS\"}",
            400),
        json(
            "inspection: missing findings",
            STREET,
            "/api/inspections",
            "{\"id\":\"i1\",\"campaignId\":\"y2026\",\"unitId\":\"east\",\"kind\":\"SPOT_CHECK\",\"conductedOn\":\"2026-03-05\",\"rating\":\"PASS\"}",
            400),
        json(
            "inspection: unknown campaign",
            STREET,
            "/api/inspections",
            "{\"id\":\"i1\",\"campaignId\":\"ghost\",\"unitId\":\"east\",\"kind\":\"SPOT_CHECK\",\"conductedOn\":\"2026-03-05\",\"findings\":\"f\",\"rating\":\"PASS\"}",
            422),
        json(
            "inspection: by a community account",
            EAST,
            "/api/inspections",
            "{\"id\":\"i1\",\"campaignId\":\"y2026\",\"unitId\":\"east\",\"kind\":\"SPOT_CHECK\",\"conductedOn\":\"2026-03-05\",\"findings\":\"f\",\"rating\":\"PASS\"}",
            403),
        json(
            "rectification: missing due date",
            STREET,
            "/api/rectifications",
            "{\"id\":\"r1\",\"campaignId\":\"y2026\",\"unitId\":\"east\",\"requirement\":\"x\"}",
            400),
        json(
            "rectification: unknown inspection",
            STREET,
            "/api/rectifications",
            "{\"id\":\"r1\",\"campaignId\":\"y2026\",\"unitId\":\"east\",\"inspectionId\":\"ghost\",\"requirement\":\"x\",\"dueDate\":\"2026-12-20\"}",
            422),
        json(
            "rectification: by a community account",
            EAST,
            "/api/rectifications",
            "{\"id\":\"r1\",\"campaignId\":\"y2026\",\"unitId\":\"east\",\"requirement\":\"x\",\"dueDate\":\"2026-12-20\"}",
            403),
        json(
            "rectification completion: unknown rectification",
            EAST,
            "/api/rectifications/ghost/completion",
            "{\"note\":\"done\"}",
            404),
        json(
            "rectification completion: path id breaks the rule",
            EAST,
            "/api/rectifications/a.b/completion",
            "{\"note\":\"done\"}",
            400),
        json(
            "fraud case: unknown category",
            "police",
            "/api/fraud-cases",
            "{\"id\":\"fc1\",\"communityId\":\"east\",\"occurredOn\":\"2026-03-05\",\"category\":\"PIRACY\",\"lossYuan\":10}",
            400),
        json(
            "fraud case: a negative loss",
            "police",
            "/api/fraud-cases",
            "{\"id\":\"fc1\",\"communityId\":\"east\",\"occurredOn\":\"2026-03-05\",\"category\":\"OTHER\",\"lossYuan\":-1}",
            400),
        json(
            "fraud case: loss not a number",
            "police",
            "/api/fraud-cases",
            "{\"id\":\"fc1\",\"communityId\":\"east\",\"occurredOn\":\"2026-03-05\",\"category\":\"OTHER\",\"lossYuan\":\"much\"}",
            400),
        json(
            "fraud case: unknown community",
            "police",
            "/api/fraud-cases",
            "{\"id\":\"fc1\",\"communityId\":\"ghost\",\"occurredOn\":\"2026-03-05\",\"category\":\"OTHER\",\"lossYuan\":10}",
            422),
        json(
            "fraud case: by the street office",
            STREET,
            "/api/fraud-cases",
            "{\"id\":\"fc1\",\"communityId\":\"east\",\"occurredOn\":\"2026-03-05\",\"category\":\"OTHER\",\"lossYuan\":10}",
            403),
        json(
            "lead outcome: unknown outcome",
            "police",
            "/api/fraud-leads/ghost/outcome",
            "{\"outcome\":\"SOLVED\"}",
            400),
        json(
            "lead outcome: unknown lead",
            "police",
            "/api/fraud-leads/ghost/outcome",
            "{\"outcome\":\"INVALID\"}",
            404),
        json(
            "lead outcome: path id breaks the rule",
            "police",
            "/api/fraud-leads/a.b/outcome",
            "{\"outcome\":\"INVALID\"}",
            400),
        json(
            "lead outcome: by a community account",
            EAST,
            "/api/fraud-leads/ghost/outcome",
            "{\"outcome\":\"INVALID\"}",
            403),
        json(
            "task: no responsible unit",
            STREET,
            "/api/campaigns/y2026/tasks",
            "{\"id\":\"t1\",\"description\":\"d\",\"responsibleUnitIds\":[],\"recurrence\":\"MONTHLY\",\"evidenceRequired\":true}",
            400),
        json(
            "task: unknown unit",
            STREET,
            "/api/campaigns/y2026/tasks",
            "{\"id\":\"t1\",\"description\":\"d\",\"responsibleUnitIds\":[\"ghost\"],\"recurrence\":\"MONTHLY\",\"evidenceRequired\":true}",
            422),
        json(
            "task: unknown campaign",
            STREET,
            "/api/campaigns/ghost/tasks",
            "{\"id\":\"t1\",\"description\":\"d\",\"responsibleUnitIds\":[\"east\"],\"recurrence\":\"MONTHLY\",\"evidenceRequired\":true}",
            404),
        json(
            "task: by a community account",
            EAST,
            "/api/campaigns/y2026/tasks",
            "{\"id\":\"t1\",\"description\":\"d\",\"responsibleUnitIds\":[\"east\"],\"recurrence\":\"MONTHLY\",\"evidenceRequired\":true}",
            403),
        json(
            "rulebook: missing effective date",
            STREET,
            "/api/campaigns/y2026/rulebook",
            "{\"rulebook\":null}",
            400),
        json("rulebook: unknown campaign", STREET, "/api/campaigns/ghost/rulebook", RULEBOOK, 404));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badInputs")
  void badInputIsRefusedAsProblemJsonAndRecordsNothing(BadInput bad) throws Exception {
    long events = eventCount();
    long files = evidenceFiles();

    Http.Answer answer =
        bad.upload() == null
            ? http.postJson(bad.user(), bad.path(), bad.json())
            : http.upload(
                bad.user(), bad.path(), bad.upload().file(), "f.bin", bad.upload().kind());

    assertThat(answer.status()).as(answer.body()).isEqualTo(bad.status());
    assertThat(answer.contentType()).startsWith("application/problem+json");
    JsonNode problem = json.readTree(answer.body());
    assertThat(problem.path("status").asInt()).isEqualTo(bad.status());
    assertThat(problem.path("type").asText()).isNotBlank();
    assertThat(problem.path("title").asText()).isNotBlank();
    assertThat(problem.path("detail").asText()).isNotBlank();
    assertThat(answer.body()).doesNotContain("Exception").doesNotContain("at io.");
    if (bad.status() == 400 && !problem.path("type").asText().endsWith("malformed-json")) {
      assertThat(problem.path("errors").isArray()).isTrue();
    }
    assertThat(eventCount()).isEqualTo(events);
    assertThat(evidenceFiles()).isEqualTo(files);
  }
}
