package io.fanzha.ledger.command.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.fanzha.ledger.stores.EmbeddedStores;
import java.time.Instant;
import org.axonframework.axonserver.connector.AxonServerConfiguration;
import org.axonframework.axonserver.connector.command.AxonServerCommandBus;
import org.axonframework.axonserver.connector.event.axon.AxonServerEventStore;
import org.axonframework.axonserver.connector.query.AxonServerQueryBus;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.queryhandling.QueryBus;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The command side under profile {@code axonserver} takes events, commands and queries through Axon
 * Server, connected as the environment says, and starts while no Axon Server answers (the connector
 * keeps trying in the background). The deadline index stays on the relational store, here the
 * embedded H2.
 */
@ActiveProfiles("axonserver")
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.NONE,
    properties = {
      // as docker-compose.yml gives them; nothing listens on these ports
      "AXONSERVER_SERVERS=localhost:18124,127.0.0.1:18125",
      "AXONSERVER_CONTEXT=fanzha-test",
      "AXONSERVER_TOKEN=wiring-test-token",
      "fanzha.deadlines.first-sweep-after=PT1H"
    })
class AxonServerWiringTest {

  static final EmbeddedStores stores = EmbeddedStores.inMemory();

  static {
    Flyway.configure()
        .dataSource(stores.jdbcUrl(), "sa", "")
        .locations("classpath:db/migration/h2")
        .load()
        .migrate();
    new JdbcTemplate(new DriverManagerDataSource(stores.jdbcUrl(), "sa", ""))
        .update(
            "INSERT INTO token_entry (processor_name, segment, time_stamp) VALUES (?, 0, ?)",
            "deadline-index",
            Instant.now().toString());
  }

  @DynamicPropertySource
  static void stores(DynamicPropertyRegistry registry) {
    registry.add("spring.datasource.url", stores::jdbcUrl);
    registry.add("spring.datasource.username", () -> "sa");
    registry.add("spring.datasource.password", () -> "");
    registry.add("spring.data.mongodb.uri", stores::mongoUri);
  }

  @Autowired EventStore eventStore;
  @Autowired CommandBus commandBus;
  @Autowired QueryBus queryBus;
  @Autowired AxonServerConfiguration axonServer;

  @Test
  void eventsCommandsAndQueriesGoThroughAxonServer() {
    assertThat(eventStore).isInstanceOf(AxonServerEventStore.class);
    assertThat(commandBus).isInstanceOf(AxonServerCommandBus.class);
    assertThat(queryBus).isInstanceOf(AxonServerQueryBus.class);
  }

  @Test
  void theConnectionIsTheEnvironments() {
    assertThat(axonServer.isEnabled()).isTrue();
    assertThat(axonServer.getServers()).isEqualTo("localhost:18124,127.0.0.1:18125");
    assertThat(axonServer.getContext()).isEqualTo("fanzha-test");
    assertThat(axonServer.getToken()).isEqualTo("wiring-test-token");
  }
}
