package io.fanzha.ledger.command.time;

import java.time.Instant;
import java.util.List;
import org.axonframework.eventhandling.GenericEventMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.jdbc.core.JdbcTemplate;

/** One clock for the command side, and the same one for the timestamps Axon puts on events. */
@Configuration
public class ClockConfig {

  private static final Logger log = LoggerFactory.getLogger(ClockConfig.class);

  @Bean
  @Profile("!sim")
  LedgerClock systemClock() {
    return install(LedgerClock.system());
  }

  /** The simulated time is kept in the store, so a restart does not send it back. */
  @Bean
  @Profile("sim")
  LedgerClock simulatedClock(JdbcTemplate jdbc) {
    List<Long> kept =
        jdbc.queryForList("SELECT now_epoch_milli FROM simulation_clock WHERE id = 1", Long.class);
    Instant start = kept.isEmpty() ? Instant.now() : Instant.ofEpochMilli(kept.get(0));
    log.info("simulation clock starts at {}", start);
    return install(LedgerClock.simulated(start));
  }

  private static LedgerClock install(LedgerClock clock) {
    GenericEventMessage.clock = clock;
    return clock;
  }
}
