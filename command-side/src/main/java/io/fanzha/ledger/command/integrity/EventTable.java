package io.fanzha.ledger.command.integrity;

import io.fanzha.ledger.events.integrity.StoredEvent;
import java.util.function.Consumer;
import org.springframework.context.annotation.Profile;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Reads the relational event table row by row, in global order, without holding it in memory. */
@Component
@Profile("!axonserver")
public class EventTable {

  private final JdbcTemplate jdbc;

  public EventTable(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  public void forEachAfter(long position, Consumer<StoredEvent> action) {
    jdbc.query(
        con -> {
          var statement =
              con.prepareStatement(
                  "SELECT global_index, event_identifier, aggregate_identifier, sequence_number,"
                      + " type, time_stamp, payload_type, payload_revision, payload, meta_data"
                      + " FROM domain_event_entry WHERE global_index > ? ORDER BY global_index");
          statement.setLong(1, position);
          statement.setFetchSize(500);
          return statement;
        },
        rs -> {
          action.accept(
              new StoredEvent(
                  rs.getLong(1),
                  rs.getString(2),
                  rs.getString(3),
                  rs.getLong(4),
                  rs.getString(5),
                  rs.getString(6),
                  rs.getString(7),
                  rs.getString(8),
                  rs.getBytes(9),
                  rs.getBytes(10)));
        });
  }
}
