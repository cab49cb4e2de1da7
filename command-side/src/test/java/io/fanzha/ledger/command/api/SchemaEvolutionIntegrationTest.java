package io.fanzha.ledger.command.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.fanzha.ledger.events.PublishEventHeld;
import io.fanzha.ledger.stores.EmbeddedStores;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.jdbc.DataSourceProperties;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A {@code PublishEventHeld} stored in its first form, before events named cooperating units, is
 * read through the upcaster by the current code: the aggregate takes evidence for it and the event
 * store hands it out as revision 2, while the stored row stays as it was.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "fanzha.deadlines.first-sweep-after=PT1H")
class SchemaEvolutionIntegrationTest {

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

  @Autowired EventStore eventStore;

  static final String REVISION_1_PAYLOAD =
      "{\"publishEventId\":\"old-1\",\"campaignId\":\"y2026\",\"unitId\":\"east\","
          + "\"heldOn\":\"2026-03-05\",\"location\":{\"name\":\"东湖公园\",\"kind\":\"PARK\"},"
          + "\"formats\":[\"BANNER\"],\"targetGroups\":[\"ELDERLY\"],\"audienceCount\":40,"
          + "\"materialsDistributed\":null,\"description\":null}";

  @Test
  void aPublicityEventOfRevisionOneIsReadAndExtendedByTheCurrentCode() {
    // Given a street, and a publicity event stored as the first revision wrote it
    Http http = new Http(port);
    CommandApiIntegrationTest.created(
        http.postJson(
            "street", "/api/units", "{\"id\":\"east\",\"name\":\"东社区\",\"kind\":\"COMMUNITY\"}"));
    CommandApiIntegrationTest.created(
        http.postJson(
            "street",
            "/api/accounts",
            "{\"username\":\"east-staff\",\"password\":\"east-pass\",\"role\":\"COMMUNITY\","
                + "\"unitId\":\"east\"}"));
    jdbc.update(
        "INSERT INTO domain_event_entry (event_identifier, aggregate_identifier, sequence_number,"
            + " type, time_stamp, payload_type, payload_revision, payload, meta_data)"
            + " VALUES (?, 'publish-event:old-1', 0, 'PublishEvent', '2026-03-05T08:00:00Z',"
            + " 'io.fanzha.ledger.events.PublishEventHeld', '1', ?, ?)",
        UUID.randomUUID().toString(),
        REVISION_1_PAYLOAD.getBytes(StandardCharsets.UTF_8),
        "{\"actor\":\"east-staff\",\"role\":\"COMMUNITY\",\"unitId\":\"east\"}"
            .getBytes(StandardCharsets.UTF_8));

    // When the current code reads it
    List<? extends DomainEventMessage<?>> stream =
        eventStore.readEvents("publish-event:old-1").asStream().toList();
    Http.Answer evidence =
        http.upload(
            "east-staff:east-pass",
            "/api/publish-events/old-1/evidence",
            Samples.png(11),
            "old.png",
            "PHOTO");

    // Then it is the current revision with no cooperating units, and the aggregate works on it
    assertThat(stream).hasSize(1);
    PublishEventHeld held = (PublishEventHeld) stream.get(0).getPayload();
    assertThat(held.cooperatingUnitIds()).isEmpty();
    assertThat(held.audienceCount()).isEqualTo(40);
    assertThat(evidence.status()).as(evidence.body()).isEqualTo(201);
    // and the stored row is untouched
    assertThat(
            jdbc.queryForObject(
                "SELECT payload_revision FROM domain_event_entry"
                    + " WHERE aggregate_identifier = 'publish-event:old-1' AND sequence_number = 0",
                String.class))
        .isEqualTo("1");
  }
}
