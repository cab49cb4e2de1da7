package io.fanzha.ledger.command.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fanzha.ledger.command.CommandSideApplication;
import io.fanzha.ledger.stores.EmbeddedStores;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The benchmark's in-process run, {@code POST /admin/bench/gateway}: under profile bench it records
 * the batch's facts as the API would (counted in the event store, with the actor's metadata),
 * refuses what HTTP would refuse, and is for the street office only; without the profile it is not
 * there.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GatewayBenchIntegrationTest {

  static final String EAST = "east-staff:east-pass";
  static final int PER_UNIT = 25;

  final ObjectMapper json = new ObjectMapper();
  EmbeddedStores stores;
  ConfigurableApplicationContext app;
  Http http;
  JdbcTemplate jdbc;

  @BeforeAll
  void aStreetWithACampaignIn2027() {
    stores = EmbeddedStores.inMemory();
    app = start("sim", "bench");
    http = new Http(port(app));
    jdbc = app.getBean(JdbcTemplate.class);
    created(
        http.postJson(
            "street", "/api/units", "{\"id\":\"s\",\"name\":\"街道\",\"kind\":\"STREET_OFFICE\"}"));
    for (String c : List.of("east", "west")) {
      created(
          http.postJson(
              "street",
              "/api/units",
              "{\"id\":\""
                  + c
                  + "\",\"name\":\""
                  + c
                  + "社区\",\"kind\":\"COMMUNITY\",\"parentId\":\"s\",\"population\":9000}"));
      created(
          http.postJson(
              "street",
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
            "street",
            "/api/campaigns",
            "{\"id\":\"c27\",\"title\":\"2027\",\"jurisdictionUnitId\":\"s\",\"startDate\":\"2027-01-01\","
                + "\"endDate\":\"2027-12-31\",\"monthlyReportDueDay\":30,\"yearEndReportDue\":\"2027-12-30\","
                + "\"communityIds\":[\"east\",\"west\"]}"));
    Http.Answer moved =
        http.putJson("street", "/admin/clock", "{\"now\":\"2027-03-31T18:00:00+08:00\"}");
    assertThat(moved.status()).as(moved.body()).isEqualTo(200);
  }

  ConfigurableApplicationContext start(String... profiles) {
    return new SpringApplicationBuilder(CommandSideApplication.class)
        .profiles(profiles)
        .run(
            "--server.port=0",
            "--spring.datasource.url=" + stores.jdbcUrl(),
            "--spring.data.mongodb.uri=" + stores.mongoUri());
  }

  @AfterAll
  void stop() {
    if (app != null) {
      app.close();
    }
    stores.close();
  }

  @Test
  void theBatchIsRecordedAsTheApiWouldRecordItAndWhatHttpRefusesIsRefused() throws Exception {
    long before = publishEventsHeld();
    ObjectNode request = json.createObjectNode();
    request.put("threads", 4);
    request.putObject("credentials").put("east-staff", "east-pass").put("west-staff", "west-pass");
    ArrayNode commands = request.putArray("commands");
    for (int i = 0; i < PER_UNIT; i++) {
      for (String unit : List.of("east", "west")) {
        commands.add(command(unit + "-staff", "/api/publish-events", publishEvent(unit, i, unit)));
      }
    }
    // refused before dispatch: a community may not register units; no heldOn; a wrong password
    commands.add(
        command(
            "east-staff",
            "/api/units",
            json.readTree("{\"id\":\"x\",\"name\":\"x社区\",\"kind\":\"COMMUNITY\"}")));
    ObjectNode noDate = publishEvent("east", 900, "east");
    noDate.remove("heldOn");
    commands.add(command("east-staff", "/api/publish-events", noDate));
    request.with("credentials").put("nobody", "guess");
    commands.add(command("nobody", "/api/publish-events", publishEvent("east", 901, "east")));
    // refused by the aggregate: a community records for another unit
    commands.add(command("east-staff", "/api/publish-events", publishEvent("east", 902, "west")));

    Http.Answer answer = http.postJson("street", "/admin/bench/gateway", request.toString());

    assertThat(answer.status()).as(answer.body()).isEqualTo(200);
    JsonNode run = json.readTree(answer.body());
    assertThat(run.path("commands").asInt()).isEqualTo(2 * PER_UNIT + 4);
    assertThat(run.path("threads").asInt()).isEqualTo(4);
    assertThat(run.path("dispatched").asInt()).isEqualTo(2 * PER_UNIT + 1);
    assertThat(run.path("accepted").asInt()).isEqualTo(2 * PER_UNIT);
    assertThat(run.path("refused").asInt()).isEqualTo(4);
    assertThat(run.path("refusals").path("forbidden").asInt()).isEqualTo(1);
    assertThat(run.path("refusals").path("validation").asInt()).isEqualTo(1);
    assertThat(run.path("refusals").path("unauthenticated").asInt()).isEqualTo(1);
    assertThat(run.path("refusals").size()).isEqualTo(4);
    assertThat(run.path("latenciesMicros").size()).isEqualTo(2 * PER_UNIT + 1);
    assertThat(run.path("elapsedMs").asDouble()).isPositive();
    assertThat(run.path("commandsPerSecond").asDouble()).isPositive();
    assertThat(run.path("p99Ms").asDouble())
        .isGreaterThanOrEqualTo(run.path("p50Ms").asDouble())
        .isPositive();

    assertThat(publishEventsHeld()).isEqualTo(before + 2 * PER_UNIT);
    JsonNode meta =
        json.readTree(
            jdbc.queryForObject(
                "SELECT meta_data FROM domain_event_entry WHERE aggregate_identifier LIKE"
                    + " '%west-bench-7' AND payload_type LIKE '%PublishEventHeld'",
                byte[].class));
    assertThat(meta.path("actor").asText()).isEqualTo("west-staff");
    assertThat(meta.path("role").asText()).isEqualTo("COMMUNITY");
    assertThat(meta.path("unitId").asText()).isEqualTo("west");
    assertThat(meta.path("requestId").asText()).isNotBlank();
    assertThat(meta.path("clientAddress").asText()).isEqualTo("127.0.0.1");

    // sent again, the same ids are already recorded: the aggregates answer as the first time and
    // record nothing new
    Http.Answer again = http.postJson("street", "/admin/bench/gateway", request.toString());
    assertThat(again.status()).as(again.body()).isEqualTo(200);
    assertThat(publishEventsHeld()).isEqualTo(before + 2 * PER_UNIT);
  }

  @Test
  void onlyTheStreetOfficeMayRunIt() {
    Http.Answer answer =
        http.postJson(
            EAST,
            "/admin/bench/gateway",
            "{\"threads\":1,\"credentials\":{},\"commands\":[{\"user\":\"east-staff\","
                + "\"path\":\"/api/publish-events\",\"body\":{}}]}");

    assertThat(answer.status()).as(answer.body()).isEqualTo(403);
  }

  @Test
  void withoutTheBenchProfileItIsNotThere() {
    ConfigurableApplicationContext plain = start("sim");
    try {
      Http.Answer answer =
          new Http(port(plain))
              .postJson(
                  "street",
                  "/admin/bench/gateway",
                  "{\"threads\":1,\"credentials\":{},\"commands\":[]}");

      assertThat(answer.status()).as(answer.body()).isEqualTo(404);
      assertThat(plain.containsBean("gatewayBenchController")).isFalse();
      assertThat(app.containsBean("gatewayBenchController")).isTrue();
    } finally {
      plain.close();
    }
  }

  long publishEventsHeld() {
    return jdbc.queryForObject(
        "SELECT COUNT(*) FROM domain_event_entry WHERE payload_type LIKE '%PublishEventHeld'",
        Long.class);
  }

  ObjectNode command(String user, String path, JsonNode body) {
    ObjectNode command = json.createObjectNode();
    command.put("user", user);
    command.put("path", path);
    command.set("body", body);
    return command;
  }

  ObjectNode publishEvent(String by, int i, String unit) {
    ObjectNode body = json.createObjectNode();
    body.put("id", by + "-bench-" + i);
    body.put("campaignId", "c27");
    body.put("unitId", unit);
    body.put("heldOn", "2027-03-0" + (1 + i % 9));
    body.putObject("location").put("name", "东湖公园").put("kind", "PARK");
    body.putArray("formats").add("LEAFLET");
    body.putArray("targetGroups").add("ELDERLY");
    body.put("audienceCount", 100 + i);
    return body;
  }

  static int port(ConfigurableApplicationContext context) {
    return ((WebServerApplicationContext) context).getWebServer().getPort();
  }

  static void created(Http.Answer answer) {
    assertThat(answer.status()).as(answer.body()).isEqualTo(201);
  }
}
