package io.fanzha.ledger.query.admin;

import io.fanzha.ledger.query.ReadModel;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * {@code fanzha_dead_letters{group}}: the events parked per processing group, counted at most once
 * per {@code fanzha.metrics.dead-letters-every} (a count per group on the dead-letter collection),
 * however often Prometheus scrapes.
 */
@Component
class DeadLetterMeters {

  private final DeadLetters deadLetters;
  private final Duration every;
  private volatile Map<String, Long> counts = Map.of();
  private volatile Instant countedAt = Instant.MIN;

  DeadLetterMeters(
      DeadLetters deadLetters,
      MeterRegistry meters,
      List<ReadModel> readModels,
      @Value("${fanzha.metrics.dead-letters-every:PT10S}") Duration every) {
    this.deadLetters = deadLetters;
    this.every = every;
    for (ReadModel model : readModels) {
      String group = model.processingGroup();
      Gauge.builder("fanzha.dead.letters", this, meters1 -> meters1.parked(group))
          .description("events parked in the dead-letter queue")
          .baseUnit("events")
          .tag("group", group)
          .register(meters);
    }
  }

  private double parked(String group) {
    Instant now = Instant.now();
    if (countedAt.plus(every).isBefore(now)) {
      counts = deadLetters.counts();
      countedAt = now;
    }
    return counts.getOrDefault(group, 0L);
  }
}
