package io.fanzha.ledger.platform.web;

import com.mongodb.MongoSocketException;
import com.mongodb.MongoTimeoutException;
import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.CannotCreateTransactionException;

/**
 * Whether a failure means a store cannot be reached (a connection refused, broken or not given
 * within the pool's timeout), wherever Axon, Spring or a driver wrapped it: answered 503 with
 * {@code Retry-After}, since the same request may succeed once the store is back and nothing was
 * recorded (a unit of work without its store commits nothing).
 */
public final class StoreUnavailable {

  static final long RETRY_AFTER_SECONDS = 5;

  private StoreUnavailable() {}

  public static boolean isCause(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof CannotCreateTransactionException
          || t instanceof CannotGetJdbcConnectionException
          || t instanceof DataAccessResourceFailureException
          || t instanceof SQLTransientConnectionException
          || t instanceof SQLNonTransientConnectionException
          || t instanceof ConnectException
          || t instanceof MongoSocketException
          || t instanceof MongoTimeoutException
          || isConnectionException(t)) {
        return true;
      }
    }
    return false;
  }

  /**
   * SQLSTATE class 08, a connection exception, whatever the exception's class: e.g. Hikari's
   * "Connection is closed" (08003) when a rollback meets a connection the pool has just evicted.
   */
  private static boolean isConnectionException(Throwable t) {
    return t instanceof SQLException sql
        && sql.getSQLState() != null
        && sql.getSQLState().startsWith("08");
  }

  /** The failure's innermost cause by class name only: messages may quote data. */
  static String describe(Throwable failure) {
    Throwable root = failure;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return failure.getClass().getSimpleName() + " <- " + root.getClass().getSimpleName();
  }
}
