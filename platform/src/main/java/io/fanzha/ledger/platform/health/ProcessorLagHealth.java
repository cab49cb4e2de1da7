package io.fanzha.ledger.platform.health;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.actuate.health.Status;
import org.springframework.stereotype.Component;

/**
 * {@code processorLag} in the health endpoint and the readiness group: DOWN while a processor of
 * this instance is in error, {@value #BEHIND_CODE} while one is more than {@code
 * fanzha.health.max-processor-lag} events behind the head of the store (its read models answer
 * stale), UP otherwise. BEHIND is outside the overall aggregation order, so {@code
 * /actuator/health} and liveness stay UP while an instance catches up (a restart would not help);
 * the readiness group orders it and answers 503.
 */
@Component("processorLagHealthIndicator")
class ProcessorLagHealth implements HealthIndicator {

  static final String BEHIND_CODE = "BEHIND";
  static final Status BEHIND = new Status(BEHIND_CODE, "a processor is far behind the event store");

  private final ProcessorLag lag;
  private final long maxLag;

  ProcessorLagHealth(
      ProcessorLag lag, @Value("${fanzha.health.max-processor-lag:10000}") long maxLag) {
    this.lag = lag;
    this.maxLag = maxLag;
  }

  @Override
  public Health health() {
    ProcessorLag.Reading reading;
    try {
      reading = lag.read();
    } catch (RuntimeException e) {
      return Health.down().withDetail("error", e.getClass().getSimpleName()).build();
    }
    Map<String, Object> processors = new LinkedHashMap<>();
    boolean error = false;
    boolean behind = false;
    for (Map.Entry<String, ProcessorLag.Processor> each : reading.processors().entrySet()) {
      ProcessorLag.Processor processor = each.getValue();
      Map<String, Object> detail = new LinkedHashMap<>();
      detail.put("segmentsHeld", processor.segmentsHeld());
      if (processor.lag() != null) {
        detail.put("lag", processor.lag());
      }
      if (processor.error() != null) {
        detail.put("error", processor.error());
        error = true;
      }
      behind |= processor.lag() != null && processor.lag() > maxLag;
      processors.put(each.getKey(), detail);
    }
    Health.Builder health = error ? Health.down() : behind ? Health.status(BEHIND) : Health.up();
    return health
        .withDetail("head", reading.head() == null ? -1 : reading.head())
        .withDetail("maxLag", maxLag)
        .withDetail("processors", processors)
        .build();
  }
}
