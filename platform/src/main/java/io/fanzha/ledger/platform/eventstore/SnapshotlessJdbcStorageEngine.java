package io.fanzha.ledger.platform.eventstore;

import java.util.stream.Stream;
import org.axonframework.eventhandling.DomainEventData;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;

/**
 * Axon's JDBC engine without the snapshot query. Axon asks for a snapshot before every aggregate is
 * loaded, but no aggregate here takes snapshots, so the table is always empty and the query (a
 * prepare and an execute, two round trips to a remote H2) was a quarter of a command's round trips.
 * An aggregate that starts taking snapshots needs the plain engine back.
 */
final class SnapshotlessJdbcStorageEngine extends JdbcEventStorageEngine {

  SnapshotlessJdbcStorageEngine(JdbcEventStorageEngine.Builder builder) {
    super(builder);
  }

  @Override
  protected Stream<? extends DomainEventData<?>> readSnapshotData(String aggregateIdentifier) {
    return Stream.empty();
  }
}
