package io.fanzha.ledger.command.deadline;

import io.fanzha.ledger.command.time.LedgerClock;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Profile;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionOperations;

/**
 * Moving the simulation clock: the new time is kept across restarts, the deadline index catches up
 * with every fact recorded so far, then every deadline due by the new time fires in order.
 */
@Service
@Profile("sim")
public class SimulatedTime {

  private static final Logger log = LoggerFactory.getLogger(SimulatedTime.class);

  private final LedgerClock clock;
  private final DeadlineSweep sweep;
  private final DeadlineIndexCatchUp indexCatchUp;
  private final JdbcTemplate jdbc;
  private final TransactionOperations transactions;

  SimulatedTime(
      LedgerClock clock,
      DeadlineSweep sweep,
      DeadlineIndexCatchUp indexCatchUp,
      JdbcTemplate jdbc,
      TransactionOperations transactions) {
    this.clock = clock;
    this.sweep = sweep;
    this.indexCatchUp = indexCatchUp;
    this.jdbc = jdbc;
    this.transactions = transactions;
  }

  public Instant now() {
    return clock.now();
  }

  /**
   * @return how many deadlines fired on the way
   * @throws IllegalArgumentException when {@code to} lies before the current time
   */
  public synchronized int moveTo(Instant to) {
    clock.moveTo(to);
    store(to.toEpochMilli());
    indexCatchUp.await();
    int fired = sweep.fireDueBy(to);
    log.info("simulation clock moved to {}; {} deadlines fired", to, fired);
    return fired;
  }

  /**
   * Keeps the furthest time any instance has moved to. Two instances may move the clock at once:
   * the conditional update never moves it back, and an insert that loses the race to the other
   * instance's insert updates the row that one made. Connections do not autocommit: each try is a
   * transaction of its own, committed before the deadlines fire (a failed insert ends its
   * transaction on PostgreSQL, so the update after it needs a new one).
   */
  private void store(long epochMilli) {
    String forward =
        "UPDATE simulation_clock SET now_epoch_milli = ? WHERE id = 1 AND now_epoch_milli < ?";
    try {
      transactions.executeWithoutResult(
          tx -> {
            if (jdbc.update(forward, epochMilli, epochMilli) > 0) {
              return;
            }
            Integer rows =
                jdbc.queryForObject("SELECT COUNT(*) FROM simulation_clock", Integer.class);
            if (rows != null && rows > 0) {
              return; // already there or further
            }
            jdbc.update(
                "INSERT INTO simulation_clock (id, now_epoch_milli) VALUES (1, ?)", epochMilli);
          });
    } catch (DuplicateKeyException another) {
      transactions.executeWithoutResult(tx -> jdbc.update(forward, epochMilli, epochMilli));
    }
  }
}
