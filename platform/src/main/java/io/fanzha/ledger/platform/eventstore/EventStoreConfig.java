package io.fanzha.ledger.platform.eventstore;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.fanzha.ledger.events.PublishEventHeldUpcaster;
import io.fanzha.ledger.platform.pipl.PersonalDataKeys;
import io.fanzha.ledger.platform.pipl.SealedReporters;
import java.time.Duration;
import java.util.List;
import javax.sql.DataSource;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.EventBusSpanFactory;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jpa.SQLStateResolver;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.axonframework.serialization.upcasting.event.EventUpcaster;
import org.axonframework.serialization.upcasting.event.EventUpcasterChain;
import org.axonframework.spring.jdbc.SpringDataSourceConnectionProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.context.annotation.Profile;

/**
 * Declares the storage engine rather than taking Axon's default so that its fetch size and the
 * snake_case schema of the Flyway migrations are ours to set. Events are JSON, read leniently, so
 * that an older reader skips a field a newer writer added.
 */
@Configuration
public class EventStoreConfig {

  public static final EventSchema SCHEMA =
      EventSchema.builder()
          .eventTable("domain_event_entry")
          .snapshotTable("snapshot_event_entry")
          .globalIndexColumn("global_index")
          .eventIdentifierColumn("event_identifier")
          .metaDataColumn("meta_data")
          .payloadColumn("payload")
          .payloadRevisionColumn("payload_revision")
          .payloadTypeColumn("payload_type")
          .timestampColumn("time_stamp")
          .aggregateIdentifierColumn("aggregate_identifier")
          .sequenceNumberColumn("sequence_number")
          .typeColumn("type")
          .build();

  @Bean
  @Primary
  @Qualifier("serializer")
  public Serializer serializer(PersonalDataKeys personalDataKeys) {
    ObjectMapper mapper =
        new ObjectMapper()
            .registerModule(new JavaTimeModule())
            // reporters' names and phones are sealed per data subject: see platform.pipl
            .registerModule(SealedReporters.module(personalDataKeys))
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    return JacksonSerializer.builder().objectMapper(mapper).build();
  }

  @Bean
  @Qualifier("eventSerializer")
  public Serializer eventSerializer(Serializer serializer) {
    return serializer;
  }

  @Bean
  @Qualifier("messageSerializer")
  public Serializer messageSerializer(Serializer serializer) {
    return serializer;
  }

  /**
   * Another process appends the events a projection waits for, so the store is polled; Axon's
   * default of a second would let a fact take more than a second to reach the read models.
   */
  @Bean
  @Primary
  @Profile("!axonserver")
  public EmbeddedEventStore eventStore(
      EventStorageEngine storageEngine,
      org.axonframework.config.Configuration configuration,
      @Value("${fanzha.event-store.poll-interval:PT0.1S}") Duration pollInterval) {
    return EmbeddedEventStore.builder()
        .storageEngine(storageEngine)
        .messageMonitor(configuration.messageMonitor(EventStore.class, "eventStore"))
        .spanFactory(configuration.getComponent(EventBusSpanFactory.class))
        .fetchDelay(pollInterval.toMillis())
        .build();
  }

  /** Older revisions of events, read as the current ones; the stored events stay as they were. */
  @Bean
  public PublishEventHeldUpcaster publishEventHeldUpcaster() {
    return new PublishEventHeldUpcaster();
  }

  @Bean
  @Profile("!axonserver")
  public EventStorageEngine eventStorageEngine(
      DataSource dataSource,
      Serializer serializer,
      TransactionManager transactionManager,
      List<EventUpcaster> upcasters,
      @Value("${fanzha.event-store.batch-size:500}") int batchSize) {
    // SQL state class 23 (integrity constraint) is what H2 and PostgreSQL both report for a
    // second append at the same sequence, also inside a batch update
    PersistenceExceptionResolver duplicates = new SQLStateResolver();
    JdbcEventStorageEngine.Builder engine =
        JdbcEventStorageEngine.builder()
            .connectionProvider(new SpringDataSourceConnectionProvider(dataSource))
            .transactionManager(transactionManager)
            .schema(SCHEMA)
            .eventSerializer(serializer)
            .snapshotSerializer(serializer)
            .persistenceExceptionResolver(duplicates)
            .upcasterChain(new EventUpcasterChain(upcasters))
            .batchSize(batchSize)
            // An aggregate's sequence numbers have no gaps (Axon appends them one after the
            // other and nothing deletes events), so a batch shorter than the batch size is its
            // last; Axon's JDBC default reads on until a batch comes back empty, one more query
            // per aggregate loaded.
            .finalAggregateBatchPredicate(batch -> batch.size() < batchSize)
            // Axon keeps a gap open (a position taken by a transaction not yet committed) only
            // for events stamped within the gap timeout of now; ours carry business instants (a
            // deadline's fact is stamped at its due instant, the simulation clock runs ahead), so
            // with the default minute a reader skipped transactions that committed late next to
            // such events (ReadModelRebuildIntegrationTest, four writers). The longest timeout
            // Axon takes.
            .gapTimeout(Integer.MAX_VALUE)
            .dataType(byte[].class);
    return new SnapshotlessJdbcStorageEngine(engine);
  }
}
