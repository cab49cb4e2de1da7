package io.fanzha.ledger.command.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.fanzha.ledger.command.CommandSideApplication;
import io.fanzha.ledger.command.integrity.EventChain;
import io.fanzha.ledger.stores.EmbeddedStores;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Deadlines on the simulation clock, over HTTP: each fires once, in order, stamped with its due
 * instant, when the clock jumps months at once, after a restart, and with two instances.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DeadlinesIntegrationTest {

  static final String A = "a-staff:a-pass";
  static final String B = "b-staff:b-pass";

  final ObjectMapper json = new ObjectMapper();
  EmbeddedStores stores;
  ConfigurableApplicationContext first;
  ConfigurableApplicationContext second;
  Http one;
  JdbcTemplate jdbc;

  record Recorded(String type, String aggregate, Instant at, String payload) {}

  @BeforeAll
  void aCampaignIn2027() {
    stores = EmbeddedStores.inMemory();
    first = start();
    one = new Http(port(first));
    jdbc = first.getBean(JdbcTemplate.class);
    created(
        one.postJson(
            "street", "/api/units", "{\"id\":\"s\",\"name\":\"街道\",\"kind\":\"STREET_OFFICE\"}"));
    for (String c : List.of("a", "b")) {
      created(
          one.postJson(
              "street",
              "/api/units",
              "{\"id\":\""
                  + c
                  + "\",\"name\":\""
                  + c
                  + "社区\",\"kind\":\"COMMUNITY\",\"population\":10000}"));
      created(
          one.postJson(
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
        one.postJson(
            "street",
            "/api/campaigns",
            "{\"id\":\"c27\",\"title\":\"2027\",\"jurisdictionUnitId\":\"s\",\"startDate\":\"2027-01-01\","
                + "\"endDate\":\"2027-06-30\",\"monthlyReportDueDay\":30,\"yearEndReportDue\":\"2027-06-28\","
                + "\"communityIds\":[\"a\",\"b\"]}"));
  }

  ConfigurableApplicationContext start() {
    return new SpringApplicationBuilder(CommandSideApplication.class)
        .profiles("sim")
        .run(
            "--server.port=0",
            "--spring.datasource.url=" + stores.jdbcUrl(),
            "--spring.data.mongodb.uri=" + stores.mongoUri());
  }

  static int port(ConfigurableApplicationContext context) {
    return ((WebServerApplicationContext) context).getWebServer().getPort();
  }

  static void created(Http.Answer answer) {
    assertThat(answer.status()).as(answer.body()).isEqualTo(201);
  }

  @AfterAll
  void stop() {
    if (second != null) {
      second.close();
    }
    first.close();
    stores.close();
  }

  Http.Answer moveClock(Http http, String to) {
    return http.putJson("street", "/admin/clock", "{\"now\":\"" + to + "\"}");
  }

  List<Recorded> recorded(String... types) {
    List<Recorded> all =
        jdbc.query(
            "SELECT payload_type, aggregate_identifier, time_stamp, payload FROM domain_event_entry"
                + " ORDER BY global_index",
            (rs, i) ->
                new Recorded(
                    rs.getString(1).substring(rs.getString(1).lastIndexOf('.') + 1),
                    rs.getString(2),
                    Instant.parse(rs.getString(3)),
                    new String(rs.getBytes(4), java.nio.charset.StandardCharsets.UTF_8)));
    List<String> wanted = List.of(types);
    return all.stream().filter(r -> wanted.contains(r.type())).toList();
  }

  static final String[] DEADLINE_FACTS = {
    "CampaignMonthClosed", "ReportDeadlineMissed", "EvidenceWindowClosed", "RectificationOverdue"
  };

  @Test
  @Order(1)
  void aJumpOfThreeMonthsFiresEveryDeadlineOnTheWayOnceInOrderAtItsOwnInstant() throws Exception {
    assertThat(moveClock(one, "2027-01-10T10:00:00+08:00").status()).isEqualTo(200);
    created(one.postJson(A, "/api/publish-events", event("a-0105", "a", "2027-01-05")));
    created(one.upload(A, "/api/publish-events/a-0105/evidence", Samples.png(5), "p.png", "PHOTO"));
    created(one.postJson(B, "/api/publish-events", event("b-0106", "b", "2027-01-06")));
    Http.Answer january = one.postJson(A, "/api/monthly-reports", report("a", "2027-01"));
    assertThat(json.readTree(january.body()).path("late").asBoolean()).isFalse();

    Http.Answer jump = moveClock(one, "2027-04-01T00:00:00+08:00");

    assertThat(jump.status()).as(jump.body()).isEqualTo(200);
    List<Recorded> facts = recorded(DEADLINE_FACTS);
    assertThat(facts)
        .extracting(Recorded::type, Recorded::aggregate, Recorded::at)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                "EvidenceWindowClosed",
                "publish-event:a-0105",
                Instant.parse("2027-01-12T16:00:00Z")),
            org.assertj.core.groups.Tuple.tuple(
                "EvidenceWindowClosed",
                "publish-event:b-0106",
                Instant.parse("2027-01-13T16:00:00Z")),
            org.assertj.core.groups.Tuple.tuple(
                "ReportDeadlineMissed",
                "monthly-report:c27.b.2027-01",
                Instant.parse("2027-01-30T16:00:00Z")),
            org.assertj.core.groups.Tuple.tuple(
                "CampaignMonthClosed", "campaign:c27", Instant.parse("2027-01-31T16:00:00Z")),
            // February has no 30th: its reports are due at the end of the 28th, when it closes too
            org.assertj.core.groups.Tuple.tuple(
                "ReportDeadlineMissed",
                "monthly-report:c27.a.2027-02",
                Instant.parse("2027-02-28T16:00:00Z")),
            org.assertj.core.groups.Tuple.tuple(
                "ReportDeadlineMissed",
                "monthly-report:c27.b.2027-02",
                Instant.parse("2027-02-28T16:00:00Z")),
            org.assertj.core.groups.Tuple.tuple(
                "CampaignMonthClosed", "campaign:c27", Instant.parse("2027-02-28T16:00:00Z")),
            org.assertj.core.groups.Tuple.tuple(
                "ReportDeadlineMissed",
                "monthly-report:c27.a.2027-03",
                Instant.parse("2027-03-30T16:00:00Z")),
            org.assertj.core.groups.Tuple.tuple(
                "ReportDeadlineMissed",
                "monthly-report:c27.b.2027-03",
                Instant.parse("2027-03-30T16:00:00Z")),
            org.assertj.core.groups.Tuple.tuple(
                "CampaignMonthClosed", "campaign:c27", Instant.parse("2027-03-31T16:00:00Z")));
    assertThat(facts.get(0).payload()).contains("\"evidenceCount\":1");
    assertThat(facts.get(1).payload()).contains("\"evidenceCount\":0");
  }

  @Test
  @Order(2)
  void movingToTheSameTimeFiresNothingAndTheClockNeverGoesBack() throws Exception {
    int before = recorded(DEADLINE_FACTS).size();

    Http.Answer same = moveClock(one, "2027-04-01T00:00:00+08:00");
    Http.Answer back = moveClock(one, "2027-03-01T00:00:00+08:00");

    assertThat(json.readTree(same.body()).path("deadlinesFired").asInt()).isZero();
    assertThat(back.status()).isEqualTo(409);
    assertThat(back.contentType()).startsWith("application/problem+json");
    assertThat(recorded(DEADLINE_FACTS)).hasSize(before);
    assertThat(json.readTree(one.get("street", "/admin/clock").body()).path("now").asText())
        .isEqualTo("2027-03-31T16:00:00Z");
  }

  @Test
  @Order(3)
  void aReportAfterItsDeadlineIsLate() throws Exception {
    Http.Answer february = one.postJson(B, "/api/monthly-reports", report("b", "2027-02"));

    assertThat(february.status()).isEqualTo(201);
    assertThat(json.readTree(february.body()).path("late").asBoolean()).isTrue();
  }

  @Test
  @Order(4)
  void aRestartedInstanceKeepsTheClockAndTwoInstancesFireEachDeadlineOnce() throws Exception {
    second = start();
    Http two = new Http(port(second));
    assertThat(json.readTree(two.get("street", "/admin/clock").body()).path("now").asText())
        .isEqualTo("2027-03-31T16:00:00Z");
    int before = recorded(DEADLINE_FACTS).size();

    ExecutorService both = Executors.newFixedThreadPool(2);
    try {
      List<Callable<Http.Answer>> moves = new ArrayList<>();
      moves.add(() -> moveClock(one, "2027-06-01T00:00:00+08:00"));
      moves.add(() -> moveClock(two, "2027-06-01T00:00:00+08:00"));
      for (var answer : both.invokeAll(moves)) {
        assertThat(answer.get().status()).as(answer.get().body()).isEqualTo(200);
      }
    } finally {
      both.shutdown();
    }

    // April and May: each month closes and two reports go missing, once each
    List<Recorded> added =
        recorded(DEADLINE_FACTS).subList(before, recorded(DEADLINE_FACTS).size());
    assertThat(added).hasSize(6);
    assertThat(added.stream().map(Recorded::aggregate).distinct()).hasSize(5);
  }

  /**
   * The app's connections do not autocommit: a write outside a command or a processor that ran
   * without a transaction of its own would be rolled back when its connection went back to the
   * pool, silently. Another connection sees each of them.
   */
  @Test
  @Order(5)
  void theClockTheDeadlineIndexItsTokenAndTheChainAreCommittedForOtherConnections()
      throws Exception {
    long june = Instant.parse("2027-05-31T16:00:00Z").toEpochMilli();
    first.getBean(EventChain.class).extend();
    second.getBean(EventChain.class).extend();

    try (Connection outside = DriverManager.getConnection(stores.jdbcUrl(), "sa", "")) {
      assertThat(count(outside, "SELECT now_epoch_milli FROM simulation_clock WHERE id = 1"))
          .isEqualTo(june);
      assertThat(count(outside, "SELECT COUNT(*) FROM deadline WHERE fired = TRUE"))
          .isGreaterThanOrEqualTo(recorded(DEADLINE_FACTS).size());
      assertThat(
              count(
                  outside,
                  "SELECT COUNT(*) FROM deadline WHERE fired = FALSE AND due_at <= " + june))
          .isZero();
      assertThat(count(outside, "SELECT COUNT(*) FROM deadline WHERE fired = FALSE"))
          .as("the June and year-end deadlines, indexed but not due")
          .isPositive();
      assertThat(
              count(
                  outside,
                  "SELECT COUNT(*) FROM token_entry WHERE processor_name = 'deadline-index'"
                      + " AND token IS NOT NULL"))
          .isPositive();
      // the chain stops at a gap left by the two instances' lost races until it times out
      assertThat(count(outside, "SELECT COUNT(*) FROM event_chain")).isPositive();
      assertThat(count(outside, "SELECT MAX(global_index) FROM event_chain"))
          .isEqualTo(first.getBean(EventChain.class).head().position());
    }
  }

  static long count(Connection connection, String sql) throws SQLException {
    try (Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery(sql)) {
      assertThat(rows.next()).as(sql).isTrue();
      return rows.getLong(1);
    }
  }

  static String event(String id, String unit, String heldOn) {
    return "{\"id\":\""
        + id
        + "\",\"campaignId\":\"c27\",\"unitId\":\""
        + unit
        + "\",\"heldOn\":\""
        + heldOn
        + "\",\"location\":{\"name\":\"广场\",\"kind\":\"PARK\"},\"formats\":[\"BANNER\"],"
        + "\"targetGroups\":[\"ELDERLY\"],\"audienceCount\":30}";
  }

  static String report(String unit, String month) {
    return "{\"campaignId\":\"c27\",\"unitId\":\""
        + unit
        + "\",\"month\":\""
        + month
        + "\","
        + "\"statistics\":{\"eventsHeld\":1,\"audienceReached\":30,\"materialsDistributed\":0,"
        + "\"postersPut\":0,\"smsSent\":0,\"screenBroadcasts\":0,\"householdsVisited\":0,\"leadsFound\":0}}";
  }
}
