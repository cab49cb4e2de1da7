package io.fanzha.ledger.command.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fanzha.ledger.command.integrity.EventChain;
import io.fanzha.ledger.events.UnitKind;
import io.fanzha.ledger.events.UnitRegistered;
import io.fanzha.ledger.stores.EmbeddedStores;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.jdbc.DataSourceProperties;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The event store on the PostgreSQL server of this machine (profile {@code postgres}), in a
 * database of its own that is dropped afterwards. Skipped where no server answers, except under
 * {@code CI=true}, where a missing server fails the build.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "fanzha.security.demo-accounts=true",
      "fanzha.deadlines.first-sweep-after=PT1H",
      "fanzha.integrity.gap-timeout=PT0S"
    })
@ActiveProfiles("postgres")
class PostgresEventStoreIntegrationTest {

  static final String SERVER = "jdbc:postgresql://localhost:5432/";
  static final String DATABASE = "fanzha_it_" + UUID.randomUUID().toString().replace("-", "");
  static final EmbeddedStores stores = EmbeddedStores.inMemory();

  @DynamicPropertySource
  static void postgres(DynamicPropertyRegistry registry) {
    createDatabase();
    registry.add("spring.datasource.url", () -> SERVER + DATABASE);
    registry.add("spring.datasource.username", () -> "postgres");
    registry.add("spring.data.mongodb.uri", stores::mongoUri);
  }

  static void createDatabase() {
    try (Connection c = DriverManager.getConnection(SERVER + "postgres", "postgres", "");
        Statement s = c.createStatement()) {
      s.execute("CREATE DATABASE " + DATABASE);
    } catch (SQLException unreachable) {
      boolean ci = "true".equalsIgnoreCase(System.getenv("CI"));
      if (ci) {
        throw new IllegalStateException("PostgreSQL must run on localhost:5432 in CI", unreachable);
      }
      Assumptions.abort("no PostgreSQL on localhost:5432: " + unreachable.getMessage());
    }
  }

  @AfterAll
  static void dropDatabase() throws SQLException {
    try (Connection c = DriverManager.getConnection(SERVER + "postgres", "postgres", "");
        Statement s = c.createStatement()) {
      s.execute("DROP DATABASE IF EXISTS " + DATABASE + " WITH (FORCE)");
    }
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

  @Autowired EventStorageEngine engine;
  @Autowired EventChain chain;

  /** The chain hashes the bytes PostgreSQL returns from its bytea columns as H2 does. */
  @Test
  void theChainOverPostgresqlVerifiesAndNamesAnAlteredEvent() throws Exception {
    Http http = new Http(port);
    for (String id : List.of("pg-c1", "pg-c2", "pg-c3")) {
      assertThat(
              http.postJson(
                      "street",
                      "/api/units",
                      "{\"id\":\"" + id + "\",\"name\":\"东湖社区\",\"kind\":\"COMMUNITY\"}")
                  .status())
          .isEqualTo(201);
    }
    chain.extend();
    ObjectMapper json = new ObjectMapper();
    assertThat(
            json.readTree(http.get("auditor", "/api/audit/verify").body())
                .path("valid")
                .asBoolean())
        .isTrue();

    Map<String, Object> victim =
        jdbc.queryForMap(
            "SELECT global_index, event_identifier, payload FROM domain_event_entry"
                + " WHERE aggregate_identifier = 'unit:pg-c2'");
    byte[] original = (byte[]) victim.get("payload");
    String forged = new String(original, StandardCharsets.UTF_8).replace("东湖", "西湖");
    jdbc.update(
        "UPDATE domain_event_entry SET payload = ? WHERE global_index = ?",
        forged.getBytes(StandardCharsets.UTF_8),
        victim.get("global_index"));
    try {
      JsonNode verdict = json.readTree(http.get("auditor", "/api/audit/verify").body());

      assertThat(verdict.path("valid").asBoolean()).isFalse();
      assertThat(verdict.path("firstMismatch").path("eventId").asText())
          .isEqualTo(victim.get("event_identifier"));
      assertThat(verdict.path("firstMismatch").path("reason").asText()).isEqualTo("altered");
    } finally {
      jdbc.update(
          "UPDATE domain_event_entry SET payload = ? WHERE global_index = ?",
          original,
          victim.get("global_index"));
    }
    assertThat(
            json.readTree(http.get("auditor", "/api/audit/verify").body())
                .path("valid")
                .asBoolean())
        .isTrue();
  }

  @Test
  void factsRecordedThroughTheApiLandInPostgresqlWithTheirActor() {
    Http http = new Http(port);

    Http.Answer answer =
        http.postJson(
            "street",
            "/api/units",
            "{\"id\":\"pg-street\",\"name\":\"东湖街道\",\"kind\":\"STREET_OFFICE\"}",
            "pg-req-1");
    Http.Answer again =
        http.postJson(
            "street",
            "/api/units",
            "{\"id\":\"pg-street\",\"name\":\"东湖街道\",\"kind\":\"STREET_OFFICE\"}");

    assertThat(answer.status()).isEqualTo(201);
    assertThat(again.status()).isEqualTo(201);
    List<String> rows =
        jdbc.queryForList(
            "SELECT convert_from(meta_data, 'UTF8') FROM domain_event_entry"
                + " WHERE aggregate_identifier = 'unit:pg-street'",
            String.class);
    assertThat(rows).hasSize(1);
    assertThat(rows.get(0)).contains("\"actor\":\"street\"").contains("\"requestId\":\"pg-req-1\"");
  }

  @Test
  void aSecondWriteAtTheSameSequenceIsRefusedAsAConcurrentWrite() {
    UnitRegistered unit = new UnitRegistered("pg-race", "东湖社区", UnitKind.COMMUNITY, null, 1);
    engine.appendEvents(
        new GenericDomainEventMessage<>("Unit", "unit:pg-race", 0, unit),
        new GenericDomainEventMessage<>("Unit", "unit:pg-race", 1, unit));

    assertThatThrownBy(
            () ->
                engine.appendEvents(
                    new GenericDomainEventMessage<>("Unit", "unit:pg-race", 0, unit)))
        .isInstanceOf(AggregateStreamCreationException.class);
    assertThatThrownBy(
            () ->
                engine.appendEvents(
                    new GenericDomainEventMessage<>("Unit", "unit:pg-race", 1, unit)))
        .isInstanceOf(ConcurrencyException.class);
  }
}
