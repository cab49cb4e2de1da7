package io.fanzha.ledger.harness.torture;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The event table read over JDBC, as the bench reads it: what the ledger has recorded, whatever its
 * applications answer.
 */
public final class EventStore {

  private final String jdbcUrl;

  public EventStore(String jdbcUrl) {
    this.jdbcUrl = jdbcUrl;
  }

  /** The rows of {@code domain_event_entry}. */
  public long count() {
    try (Connection connection = DriverManager.getConnection(jdbcUrl, "sa", "");
        Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery("SELECT COUNT(*) FROM domain_event_entry")) {
      rows.next();
      return rows.getLong(1);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot count the events: " + e.getMessage(), e);
    }
  }

  /**
   * The sequence numbers of every aggregate whose id contains {@code marker}, in order, by the id
   * the request carried (the store prefixes it with the aggregate's kind, {@code publish-event:}):
   * what the store holds of a load whose ids carry the marker.
   */
  public Map<String, List<Long>> sequencesOf(String marker) {
    Map<String, List<Long>> sequences = new TreeMap<>();
    try (Connection connection = DriverManager.getConnection(jdbcUrl, "sa", "");
        PreparedStatement statement =
            connection.prepareStatement(
                "SELECT aggregate_identifier, sequence_number FROM domain_event_entry"
                    + " WHERE aggregate_identifier LIKE ? ORDER BY aggregate_identifier,"
                    + " sequence_number")) {
      statement.setString(1, "%" + marker + "%");
      try (ResultSet rows = statement.executeQuery()) {
        while (rows.next()) {
          String stored = rows.getString(1);
          String id = stored.substring(stored.indexOf(':') + 1);
          sequences.computeIfAbsent(id, key -> new ArrayList<>()).add(rows.getLong(2));
        }
      }
      return sequences;
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read the events: " + e.getMessage(), e);
    }
  }
}
