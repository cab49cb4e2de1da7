package io.fanzha.ledger.command.account;

import io.fanzha.ledger.command.recording.Actor;
import io.fanzha.ledger.events.Role;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The demo accounts of the embedded default (password = name). Off in production profiles; opening
 * them again at every start records nothing new. Health stays down until they are open, so nobody
 * is told the ledger is up while its accounts cannot log in yet.
 */
@Component("demoAccounts")
@ConditionalOnProperty(name = "fanzha.security.demo-accounts", havingValue = "true")
class DemoAccounts implements HealthIndicator {

  private static final Logger log = LoggerFactory.getLogger(DemoAccounts.class);
  private static final Map<String, Role> DEMO =
      Map.of(
          "street", Role.STREET_OFFICE,
          "police", Role.POLICE,
          "leader", Role.LEADERSHIP,
          "auditor", Role.AUDITOR);

  private final AccountOpening opening;
  private volatile boolean open;

  DemoAccounts(AccountOpening opening) {
    this.opening = opening;
  }

  @EventListener(ApplicationReadyEvent.class)
  void open() {
    DEMO.forEach((name, role) -> opening.open(name, name, role, null, Actor.SYSTEM.asMetaData()));
    open = true;
    log.info("demo accounts ready: {}", DEMO.keySet());
  }

  @Override
  public Health health() {
    return open ? Health.up().build() : Health.down().withDetail("demoAccounts", "opening").build();
  }
}
