package io.fanzha.ledger.query.leadfeed;

import java.time.Duration;
import java.time.Instant;
import org.springframework.amqp.rabbit.connection.Connection;
import org.springframework.amqp.rabbit.connection.ConnectionFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.actuate.health.Status;
import org.springframework.stereotype.Component;

/**
 * {@code broker} in the health endpoint and the readiness group: whether the police queue's broker
 * answers. Unreachable, it is {@value #QUEUEING_CODE}: the leads wait in the outbox and go out when
 * it is back, the query side's reads are unaffected, so the overall status stays UP (QUEUEING is
 * outside its order) and the readiness group shows it without answering 503 unless the operator
 * maps it so. The answer is kept for {@code fanzha.health.broker-check-every}: a probe does not
 * wait for the connection timeout every time the broker is away. With delivery off it is UP.
 */
@Component("brokerHealthIndicator")
class BrokerHealth implements HealthIndicator {

  static final String QUEUEING_CODE = "QUEUEING";
  static final Status QUEUEING =
      new Status(QUEUEING_CODE, "the broker is unreachable; leads wait in the outbox");

  private final ConnectionFactory connections;
  private final PoliceFeedProperties properties;
  private final Duration every;
  private volatile Health last;
  private volatile Instant checkedAt = Instant.MIN;

  BrokerHealth(
      ConnectionFactory connections,
      PoliceFeedProperties properties,
      @Value("${fanzha.health.broker-check-every:PT10S}") Duration every) {
    this.connections = connections;
    this.properties = properties;
    this.every = every;
  }

  @Override
  public Health health() {
    if (!properties.enabled()) {
      return Health.up().withDetail("delivery", "off").build();
    }
    Instant now = Instant.now();
    if (last == null || !checkedAt.plus(every).isAfter(now)) {
      last = check();
      checkedAt = now;
    }
    return last;
  }

  private Health check() {
    try (Connection connection = connections.createConnection()) {
      if (connection.isOpen()) {
        return Health.up().withDetail("queue", properties.queue()).build();
      }
      return Health.status(QUEUEING).withDetail("queue", properties.queue()).build();
    } catch (RuntimeException e) {
      return Health.status(QUEUEING)
          .withDetail("queue", properties.queue())
          .withDetail("error", e.getClass().getSimpleName())
          .build();
    }
  }
}
