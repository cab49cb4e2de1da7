package io.fanzha.ledger.query.admin;

import java.util.Map;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.actuate.health.Status;
import org.springframework.stereotype.Component;

/**
 * {@code deadLetters} in the health endpoint: UP with {@code parked: 0}, or {@value #PARKED_CODE}
 * with the count per processing group. PARKED is outside the aggregation order, so the
 * application's overall status stays UP: every other event is projected and a restart would not
 * help; it is the parked events that need someone, through {@code /api/admin/dead-letters}.
 */
@Component("deadLettersHealthIndicator")
class DeadLetterHealth implements HealthIndicator {

  static final String PARKED_CODE = "PARKED";
  static final Status PARKED =
      new Status(PARKED_CODE, "events are parked in the dead-letter queue");

  private final DeadLetters deadLetters;

  DeadLetterHealth(DeadLetters deadLetters) {
    this.deadLetters = deadLetters;
  }

  @Override
  public Health health() {
    Map<String, Long> counts = deadLetters.counts();
    long parked = counts.values().stream().mapToLong(Long::longValue).sum();
    if (parked == 0) {
      return Health.up().withDetail("parked", 0).build();
    }
    return Health.status(PARKED).withDetail("parked", parked).withDetail("groups", counts).build();
  }
}
