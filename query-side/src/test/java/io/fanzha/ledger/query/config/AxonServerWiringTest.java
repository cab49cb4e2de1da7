package io.fanzha.ledger.query.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import io.fanzha.ledger.stores.EmbeddedStores;
import java.util.Set;
import java.util.TreeSet;
import javax.sql.DataSource;
import org.axonframework.axonserver.connector.AxonServerConfiguration;
import org.axonframework.axonserver.connector.command.AxonServerCommandBus;
import org.axonframework.axonserver.connector.event.axon.AxonServerEventStore;
import org.axonframework.axonserver.connector.query.AxonServerQueryBus;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.extensions.mongo.DefaultMongoTemplate;
import org.axonframework.extensions.mongo.eventsourcing.tokenstore.MongoTokenStore;
import org.axonframework.queryhandling.QueryBus;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The query side under profile {@code axonserver} reads its events from Axon Server, connected as
 * the environment says, without any relational store, and starts while no Axon Server answers (the
 * connector and the processors keep trying in the background).
 *
 * <p>A streaming processor asks the event store for its first token when its token store has none;
 * that first start needs Axon Server (compose starts the apps after it). The test plays a restart
 * while Axon Server is away: every processor's token is stored (from the start of the log) in the
 * MongoDB token store before the application starts.
 */
@ActiveProfiles("axonserver")
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.NONE,
    properties = {
      // as docker-compose.yml gives them; nothing listens on these ports
      "AXONSERVER_SERVERS=localhost:18124,127.0.0.1:18125",
      "AXONSERVER_CONTEXT=fanzha-test",
      "AXONSERVER_TOKEN=wiring-test-token"
    })
class AxonServerWiringTest {

  static final EmbeddedStores stores = EmbeddedStores.inMemory();

  static {
    try (MongoClient client = MongoClients.create(stores.mongoUri())) {
      TokenStore tokens =
          MongoTokenStore.builder()
              .mongoTemplate(
                  DefaultMongoTemplate.builder()
                      .mongoDatabase(client.getDatabase(EmbeddedStores.MONGO_DATABASE))
                      .trackingTokensCollectionName("axon_tracking_tokens")
                      .build())
              .serializer(JacksonSerializer.defaultSerializer())
              .build();
      processingGroups().forEach(processor -> tokens.initializeTokenSegments(processor, 1));
    }
  }

  /** Every processing group of the query side, so that a new read model is covered too. */
  static Set<String> processingGroups() {
    var scanner = new ClassPathScanningCandidateComponentProvider(false);
    scanner.addIncludeFilter(new AnnotationTypeFilter(ProcessingGroup.class));
    Set<String> groups = new TreeSet<>();
    for (BeanDefinition candidate : scanner.findCandidateComponents("io.fanzha.ledger.query")) {
      try {
        groups.add(
            Class.forName(candidate.getBeanClassName())
                .getAnnotation(ProcessingGroup.class)
                .value());
      } catch (ClassNotFoundException e) {
        throw new IllegalStateException(e);
      }
    }
    assertThat(groups).contains("audit", "police-lead-outbox");
    return groups;
  }

  @DynamicPropertySource
  static void stores(DynamicPropertyRegistry registry) {
    registry.add("spring.data.mongodb.uri", stores::mongoUri);
  }

  @Autowired EventStore eventStore;
  @Autowired CommandBus commandBus;
  @Autowired QueryBus queryBus;
  @Autowired AxonServerConfiguration axonServer;
  @Autowired ApplicationContext context;

  @Test
  void eventsCommandsAndQueriesGoThroughAxonServerAndNoRelationalStoreIsOpened() {
    assertThat(eventStore).isInstanceOf(AxonServerEventStore.class);
    assertThat(commandBus).isInstanceOf(AxonServerCommandBus.class);
    assertThat(queryBus).isInstanceOf(AxonServerQueryBus.class);
    assertThat(context.getBeanNamesForType(DataSource.class)).isEmpty();
  }

  @Test
  void theConnectionIsTheEnvironments() {
    assertThat(axonServer.isEnabled()).isTrue();
    assertThat(axonServer.getServers()).isEqualTo("localhost:18124,127.0.0.1:18125");
    assertThat(axonServer.getContext()).isEqualTo("fanzha-test");
    assertThat(axonServer.getToken()).isEqualTo("wiring-test-token");
  }
}
