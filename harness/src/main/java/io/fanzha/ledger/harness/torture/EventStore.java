package io.fanzha.ledger.harness.torture;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

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
}
