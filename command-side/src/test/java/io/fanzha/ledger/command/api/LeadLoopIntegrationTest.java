package io.fanzha.ledger.command.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fanzha.ledger.command.CommandSideApplication;
import io.fanzha.ledger.stores.EmbeddedStores;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Closing the police loop over HTTP on the simulation clock: acknowledgement, one and in batches;
 * the escalation of a lead not acknowledged within 48 hours; the audited reporter disclosure.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@ExtendWith(OutputCaptureExtension.class)
class LeadLoopIntegrationTest {

  static final String A = "a-staff:a-pass";
  static final String POLICE = "police";
  static final Instant REPORTED_AT = Instant.parse("2027-03-01T02:00:00Z");

  final ObjectMapper json = new ObjectMapper();
  EmbeddedStores stores;
  ConfigurableApplicationContext app;
  Http http;
  JdbcTemplate jdbc;

  record Recorded(String type, String aggregate, Instant at, String payload, String metaData) {}

  @BeforeAll
  void threeLeadsReportedOnTheFirstOfMarch() {
    stores = EmbeddedStores.inMemory();
    app =
        new SpringApplicationBuilder(CommandSideApplication.class)
            .profiles("sim")
            .run(
                "--server.port=0",
                "--spring.datasource.url=" + stores.jdbcUrl(),
                "--spring.data.mongodb.uri=" + stores.mongoUri());
    http = new Http(((WebServerApplicationContext) app).getWebServer().getPort());
    jdbc = app.getBean(JdbcTemplate.class);
    assertThat(moveClock("2027-03-01T10:00:00+08:00").status()).isEqualTo(200);
    created(
        http.postJson(
            "street", "/api/units", "{\"id\":\"s\",\"name\":\"街道\",\"kind\":\"STREET_OFFICE\"}"));
    created(
        http.postJson(
            "street",
            "/api/units",
            "{\"id\":\"a\",\"name\":\"a社区\",\"kind\":\"COMMUNITY\",\"population\":10000}"));
    created(
        http.postJson(
            "street",
            "/api/accounts",
            "{\"username\":\"a-staff\",\"password\":\"a-pass\",\"role\":\"COMMUNITY\",\"unitId\":\"a\"}"));
    for (String id : List.of("unheld", "acked", "filed", "batch1", "batch2")) {
      created(http.postJson(A, "/api/fraud-leads", lead(id, true)));
    }
    created(http.postJson(A, "/api/fraud-leads", lead("anonymous", false)));
  }

  @AfterAll
  void stop() {
    app.close();
    stores.close();
  }

  @Test
  @Order(1)
  void thePoliceAcknowledgeALeadOnceAndAgainRecordsNothing() throws Exception {
    Http.Answer first = http.post(POLICE, "/api/fraud-leads/acked/acknowledgement");
    Http.Answer again = http.postJson(POLICE, "/api/fraud-leads/acked/acknowledgement", "{}");

    assertThat(first.status()).as(first.body()).isEqualTo(200);
    assertThat(json.readTree(first.body()).path("newlyAcknowledged").asBoolean()).isTrue();
    assertThat(again.status()).as(again.body()).isEqualTo(200);
    assertThat(json.readTree(again.body()).path("newlyAcknowledged").asBoolean()).isFalse();
    assertThat(recorded("LeadAcknowledged"))
        .extracting(Recorded::aggregate)
        .containsExactly("lead:acked");
    assertThat(recorded("LeadAcknowledged").get(0).metaData()).contains("\"actor\":\"police\"");
  }

  @Test
  @Order(2)
  void acknowledgingAnUnknownLeadAnswers404AndRecordsNothing() {
    long before = eventCount();

    Http.Answer unknown = http.post(POLICE, "/api/fraud-leads/ghost/acknowledgement");
    Http.Answer community = http.post(A, "/api/fraud-leads/unheld/acknowledgement");

    assertThat(unknown.status()).isEqualTo(404);
    assertThat(unknown.contentType()).startsWith("application/problem+json");
    assertThat(community.status()).isEqualTo(403);
    assertThat(eventCount()).isEqualTo(before);
  }

  @Test
  @Order(3)
  void aBatchNamingOneUnknownLeadIsRefusedAndAcknowledgesNone() throws Exception {
    long before = eventCount();

    Http.Answer refused =
        http.postJson(
            POLICE,
            "/api/feeds/police-leads/acknowledgements",
            "{\"leadIds\":[\"batch1\",\"ghost\",\"batch2\"]}");
    Http.Answer empty =
        http.postJson(POLICE, "/api/feeds/police-leads/acknowledgements", "{\"leadIds\":[]}");
    Http.Answer community =
        http.postJson(A, "/api/feeds/police-leads/acknowledgements", "{\"leadIds\":[\"batch1\"]}");

    assertThat(refused.status()).isEqualTo(422);
    assertThat(refused.contentType()).startsWith("application/problem+json");
    assertThat(refused.body()).contains("ghost").contains("leadIds[1]");
    assertThat(empty.status()).isEqualTo(400);
    assertThat(community.status()).isEqualTo(403);
    assertThat(eventCount()).isEqualTo(before);
  }

  @Test
  @Order(4)
  void aBatchAcknowledgesEachLeadAndNamesThoseAlreadyAcknowledged() throws Exception {
    Http.Answer batch =
        http.postJson(
            POLICE,
            "/api/feeds/police-leads/acknowledgements",
            "{\"leadIds\":[\"batch1\",\"acked\",\"batch2\",\"batch1\"]}");

    assertThat(batch.status()).as(batch.body()).isEqualTo(200);
    JsonNode answer = json.readTree(batch.body());
    assertThat(answer.path("acknowledged").toString()).isEqualTo("[\"batch1\",\"batch2\"]");
    assertThat(answer.path("alreadyAcknowledged").toString()).isEqualTo("[\"acked\"]");
    assertThat(recorded("LeadAcknowledged"))
        .extracting(Recorded::aggregate)
        .containsExactly("lead:acked", "lead:batch1", "lead:batch2");
  }

  @Test
  @Order(5)
  void thePoliceAreGivenTheReportersContactAndEachDisclosureIsRecordedButNeverLogged(
      CapturedOutput output) throws Exception {
    Http.Answer first = http.postJson(POLICE, "/api/fraud-leads/unheld/reporter-disclosures", "");
    Http.Answer second = http.post(POLICE, "/api/fraud-leads/unheld/reporter-disclosures");

    assertThat(first.status()).as(first.body()).isEqualTo(200);
    JsonNode contact = json.readTree(first.body());
    assertThat(contact.path("name").asText()).isEqualTo("王五");
    assertThat(contact.path("phone").asText()).isEqualTo("13911112222");
    assertThat(second.status()).isEqualTo(200);
    List<Recorded> disclosed = recorded("ReporterContactDisclosed");
    assertThat(disclosed).hasSize(2).allMatch(r -> r.aggregate().equals("lead:unheld"));
    assertThat(disclosed.get(0).metaData()).contains("\"actor\":\"police\"");
    assertThat(disclosed.get(0).payload()).doesNotContain("王五", "13911112222");
    assertThat(output.getAll()).contains("reporter contact disclosed");
    assertThat(output.getAll()).doesNotContain("王五", "13911112222");
  }

  @Test
  @Order(6)
  void aCommunityMayNotAskForTheContactAndALeadWithoutAReporterHasNone() {
    long before = eventCount();

    Http.Answer community = http.post(A, "/api/fraud-leads/unheld/reporter-disclosures");
    Http.Answer anonymous = http.post(POLICE, "/api/fraud-leads/anonymous/reporter-disclosures");
    Http.Answer unknown = http.post(POLICE, "/api/fraud-leads/ghost/reporter-disclosures");

    assertThat(community.status()).isEqualTo(403);
    assertThat(anonymous.status()).isEqualTo(404);
    assertThat(anonymous.contentType()).startsWith("application/problem+json");
    assertThat(anonymous.body()).contains("no reporter");
    assertThat(unknown.status()).isEqualTo(404);
    assertThat(eventCount()).isEqualTo(before);
  }

  @Test
  @Order(7)
  void aLeadNotAcknowledgedEscalatesWhenTheClockPasses48HoursAndNotBefore() {
    created(
        http.postJson(
            POLICE,
            "/api/fraud-leads/filed/outcome",
            "{\"outcome\":\"UNDER_INVESTIGATION\",\"note\":\"核查中\"}",
            null),
        200);

    moveClock("2027-03-03T09:59:59+08:00");
    assertThat(recorded("LeadEscalated")).isEmpty();

    moveClock("2027-03-03T10:00:00+08:00");
    assertThat(recorded("LeadEscalated"))
        .extracting(Recorded::aggregate, Recorded::at)
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple(
                "lead:unheld", Instant.parse("2027-03-03T02:00:00Z")),
            org.assertj.core.groups.Tuple.tuple(
                "lead:anonymous", Instant.parse("2027-03-03T02:00:00Z")));
    assertThat(recorded("LeadEscalated").get(0).payload())
        .contains("\"acknowledgeBy\":\"2027-03-03T02:00:00Z\"");
  }

  @Test
  @Order(8)
  void anEscalationFiredTwiceIsRecordedOnceAndAnAcknowledgedLeadNeverEscalates() {
    jdbc.update("UPDATE deadline SET fired = FALSE WHERE kind = 'LEAD_ACKNOWLEDGEMENT'");

    Http.Answer again = moveClock("2027-03-10T10:00:00+08:00");

    assertThat(again.status()).isEqualTo(200);
    assertThat(recorded("LeadEscalated"))
        .extracting(Recorded::aggregate)
        .containsExactlyInAnyOrder("lead:unheld", "lead:anonymous");
    assertThat(
            jdbc.queryForObject(
                "SELECT COUNT(*) FROM deadline WHERE kind = 'LEAD_ACKNOWLEDGEMENT' AND fired = TRUE",
                Long.class))
        .isEqualTo(6);
  }

  Http.Answer moveClock(String to) {
    return http.putJson("street", "/admin/clock", "{\"now\":\"" + to + "\"}");
  }

  static void created(Http.Answer answer) {
    created(answer, 201);
  }

  static void created(Http.Answer answer, int status) {
    assertThat(answer.status()).as(answer.body()).isEqualTo(status);
  }

  long eventCount() {
    return jdbc.queryForObject("SELECT COUNT(*) FROM domain_event_entry", Long.class);
  }

  List<Recorded> recorded(String type) {
    return jdbc
        .query(
            "SELECT payload_type, aggregate_identifier, time_stamp, payload, meta_data"
                + " FROM domain_event_entry ORDER BY global_index",
            (rs, i) ->
                new Recorded(
                    rs.getString(1).substring(rs.getString(1).lastIndexOf('.') + 1),
                    rs.getString(2),
                    Instant.parse(rs.getString(3)),
                    new String(rs.getBytes(4), StandardCharsets.UTF_8),
                    new String(rs.getBytes(5), StandardCharsets.UTF_8)))
        .stream()
        .filter(r -> r.type().equals(type))
        .toList();
  }

  static String lead(String id, boolean withReporter) {
    return "{\"id\":\""
        + id
        + "\",\"reportingUnitId\":\"a\",\"discoveredOn\":\"2027-02-28\",\"category\":\"ORDER_BRUSHING\","
        + "\"summary\":\"走访发现刷单群\",\"suspect\":{\"phones\":[\"13800000000\"]}"
        + (withReporter ? ",\"reporter\":{\"name\":\"王五\",\"phone\":\"13911112222\"}" : "")
        + "}";
  }
}
