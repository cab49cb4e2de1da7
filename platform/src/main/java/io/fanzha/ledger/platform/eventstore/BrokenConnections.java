package io.fanzha.ledger.platform.eventstore;

import com.zaxxer.hikari.SQLExceptionOverride;
import java.sql.SQLException;
import java.util.Set;

/**
 * Tells Hikari which connections to the event store are dead. H2 reports a session whose server
 * went away, or whose database was closed under it, with its own codes rather than SQLSTATE class
 * 08, so Hikari kept such connections; under steady load they are never idle long enough to be
 * checked, and every command failed on them until the load paused. Set as the pool's {@code
 * exception-override-class-name}; other databases' errors keep Hikari's own judgement.
 */
public class BrokenConnections implements SQLExceptionOverride {

  // H2's ErrorCode: CONNECTION_BROKEN_1, DATABASE_IS_CLOSED, DATABASE_CALLED_AT_SHUTDOWN
  private static final Set<Integer> DEAD = Set.of(90067, 90098, 90121);

  @java.lang.Override
  public Override adjudicate(SQLException e) {
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      if (cause instanceof SQLException sql && DEAD.contains(sql.getErrorCode())) {
        return Override.MUST_EVICT;
      }
    }
    return Override.CONTINUE_EVICT;
  }
}
