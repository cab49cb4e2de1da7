package io.fanzha.ledger.command.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fanzha.ledger.command.integrity.EventChain;
import io.fanzha.ledger.stores.EmbeddedStores;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.jdbc.DataSourceProperties;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Tamper evidence: history altered, deleted or reordered directly in the event store fails
 * verification naming the event; untouched history verifies; a seal catches even a chain rewritten
 * to match the tampering. Each test undoes its tampering.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "fanzha.deadlines.first-sweep-after=PT1H",
      "fanzha.integrity.gap-timeout=PT0S",
      "fanzha.integrity.extend-every=PT1H"
    })
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IntegrityIntegrationTest {

  static final EmbeddedStores stores = EmbeddedStores.inMemory();

  @DynamicPropertySource
  static void stores(DynamicPropertyRegistry registry) {
    registry.add("spring.datasource.url", stores::jdbcUrl);
    registry.add("spring.data.mongodb.uri", stores::mongoUri);
  }

  @LocalServerPort int port;
  JdbcTemplate jdbc;

  /**
   * Changes the tables as someone at the database would, on a connection of its own that commits
   * each statement (the app's connections do not autocommit).
   */
  @Autowired
  void database(DataSourceProperties db) {
    jdbc =
        new JdbcTemplate(
            new DriverManagerDataSource(db.getUrl(), db.getUsername(), db.getPassword()));
  }

  @Autowired EventChain chain;
  final ObjectMapper json = new ObjectMapper();
  Http http;

  record Row(long position, String eventId, byte[] payload) {}

  @BeforeAll
  void someHistory() {
    http = new Http(port);
    for (String id : List.of("u1", "u2", "u3", "u4", "u5")) {
      CommandApiIntegrationTest.created(
          http.postJson(
              "street",
              "/api/units",
              "{\"id\":\"" + id + "\",\"name\":\"" + id + "社区\",\"kind\":\"COMMUNITY\"}"));
    }
    chain.extend();
  }

  List<Row> rows() {
    return jdbc.query(
        "SELECT global_index, event_identifier, payload FROM domain_event_entry"
            + " ORDER BY global_index",
        (rs, i) -> new Row(rs.getLong(1), rs.getString(2), rs.getBytes(3)));
  }

  JsonNode verify() throws Exception {
    Http.Answer answer = http.get("auditor", "/api/audit/verify");
    assertThat(answer.status()).as(answer.body()).isEqualTo(200);
    return json.readTree(answer.body());
  }

  @AfterEach
  void historyIsIntactAgain() throws Exception {
    assertThat(verify().path("valid").asBoolean()).isTrue();
  }

  @Test
  void untouchedHistoryVerifiesAndASealRecordsTheChainHead() throws Exception {
    Http.Answer sealed =
        http.postJson(
            "street",
            "/api/audit/seals",
            "{\"id\":\"s-all\",\"from\":\"2020-01-01\",\"to\":\"2099-12-31\"}");

    assertThat(sealed.status()).as(sealed.body()).isEqualTo(201);
    JsonNode seal = json.readTree(sealed.body());
    assertThat(seal.path("eventCount").asLong()).isEqualTo(rows().size() - 1);
    assertThat(seal.path("headHash").asText()).hasSize(64);
    assertThat(seal.path("merkleRoot").asText()).hasSize(64);
    JsonNode verdict = verify();
    assertThat(verdict.path("valid").asBoolean()).isTrue();
    assertThat(verdict.path("sealsChecked").asInt()).isGreaterThanOrEqualTo(1);
    assertThat(verdict.path("checked").asLong()).isEqualTo(rows().size());
  }

  @Test
  void anAlteredPayloadBreaksTheChainAtThatEvent() throws Exception {
    Row victim = rows().get(5);
    String forged = new String(victim.payload(), StandardCharsets.UTF_8).replace("社区", "街道");
    jdbc.update(
        "UPDATE domain_event_entry SET payload = ? WHERE global_index = ?",
        forged.getBytes(StandardCharsets.UTF_8),
        victim.position());
    try {
      JsonNode verdict = verify();

      assertThat(verdict.path("valid").asBoolean()).isFalse();
      assertThat(verdict.path("firstMismatch").path("eventId").asText())
          .isEqualTo(victim.eventId());
      assertThat(verdict.path("firstMismatch").path("reason").asText()).isEqualTo("altered");
    } finally {
      jdbc.update(
          "UPDATE domain_event_entry SET payload = ? WHERE global_index = ?",
          victim.payload(),
          victim.position());
    }
  }

  @Test
  void aDeletedEventIsNamed() throws Exception {
    Map<String, Object> victim =
        jdbc.queryForMap(
            "SELECT * FROM domain_event_entry WHERE global_index = ?", rows().get(6).position());
    jdbc.update("DELETE FROM domain_event_entry WHERE global_index = ?", rows().get(6).position());
    try {
      JsonNode verdict = verify();

      assertThat(verdict.path("valid").asBoolean()).isFalse();
      assertThat(verdict.path("firstMismatch").path("eventId").asText())
          .isEqualTo(victim.get("EVENT_IDENTIFIER"));
      assertThat(verdict.path("firstMismatch").path("reason").asText()).isEqualTo("deleted");
    } finally {
      jdbc.update(
          "INSERT INTO domain_event_entry (global_index, event_identifier, meta_data, payload,"
              + " payload_revision, payload_type, time_stamp, aggregate_identifier,"
              + " sequence_number, type) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
          victim.get("GLOBAL_INDEX"),
          victim.get("EVENT_IDENTIFIER"),
          victim.get("META_DATA"),
          victim.get("PAYLOAD"),
          victim.get("PAYLOAD_REVISION"),
          victim.get("PAYLOAD_TYPE"),
          victim.get("TIME_STAMP"),
          victim.get("AGGREGATE_IDENTIFIER"),
          victim.get("SEQUENCE_NUMBER"),
          victim.get("TYPE"));
    }
  }

  @Test
  void twoSwappedEventsAreNamedAtTheFirst() throws Exception {
    Row first = rows().get(6);
    Row second = rows().get(7);
    swap(first.position(), second.position());
    try {
      JsonNode verdict = verify();

      assertThat(verdict.path("valid").asBoolean()).isFalse();
      assertThat(verdict.path("firstMismatch").path("position").asLong())
          .isEqualTo(first.position());
      assertThat(verdict.path("firstMismatch").path("reason").asText()).isEqualTo("moved");
    } finally {
      swap(first.position(), second.position());
    }
  }

  @Test
  void aSealCatchesAChainRewrittenToMatchTheTampering() throws Exception {
    CommandApiIntegrationTest.created(
        http.postJson(
            "street",
            "/api/audit/seals",
            "{\"id\":\"s-before\",\"from\":\"2020-01-01\",\"to\":\"2099-12-31\"}"));
    Row victim = rows().get(5);
    jdbc.update(
        "UPDATE domain_event_entry SET payload = ? WHERE global_index = ?",
        new String(victim.payload(), StandardCharsets.UTF_8)
            .replace("社区", "街道")
            .getBytes(StandardCharsets.UTF_8),
        victim.position());
    rewriteChain();
    try {
      JsonNode verdict = verify();

      assertThat(verdict.path("valid").asBoolean()).isFalse();
      assertThat(verdict.path("firstMismatch").path("reason").asText()).startsWith("seal");
    } finally {
      jdbc.update(
          "UPDATE domain_event_entry SET payload = ? WHERE global_index = ?",
          victim.payload(),
          victim.position());
      rewriteChain();
    }
  }

  void rewriteChain() {
    jdbc.update("DELETE FROM event_chain");
    chain.extend();
  }

  void swap(long a, long b) {
    jdbc.update("UPDATE domain_event_entry SET global_index = -1 WHERE global_index = ?", a);
    jdbc.update("UPDATE domain_event_entry SET global_index = ? WHERE global_index = ?", a, b);
    jdbc.update("UPDATE domain_event_entry SET global_index = ? WHERE global_index = -1", b);
  }
}
