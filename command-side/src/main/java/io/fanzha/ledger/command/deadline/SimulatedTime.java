package io.fanzha.ledger.command.deadline;

import io.fanzha.ledger.command.time.LedgerClock;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Profile;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

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

  SimulatedTime(
      LedgerClock clock,
      DeadlineSweep sweep,
      DeadlineIndexCatchUp indexCatchUp,
      JdbcTemplate jdbc) {
    this.clock = clock;
    this.sweep = sweep;
    this.indexCatchUp = indexCatchUp;
    this.jdbc = jdbc;
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
    jdbc.update("DELETE FROM simulation_clock WHERE id = 1");
    jdbc.update(
        "INSERT INTO simulation_clock (id, now_epoch_milli) VALUES (1, ?)", to.toEpochMilli());
    indexCatchUp.await();
    int fired = sweep.fireDueBy(to);
    log.info("simulation clock moved to {}; {} deadlines fired", to, fired);
    return fired;
  }
}
