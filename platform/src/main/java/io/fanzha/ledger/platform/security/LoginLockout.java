package io.fanzha.ledger.platform.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Locks a user name for a while after repeated failed logins, whether or not such an account exists
 * (so the lock tells nothing about which names are real). Kept per instance: behind a load balancer
 * an attacker gains at most one allowance per instance. Under profile {@code jwt} the identity
 * provider does this instead.
 */
public class LoginLockout {

  private static final Logger log = LoggerFactory.getLogger(LoginLockout.class);

  private record Failures(int count, Instant lockedUntil) {}

  private final int maxFailures;
  private final Duration lockFor;
  private final Clock clock;
  private final Cache<String, Failures> failures;

  public LoginLockout(int maxFailures, Duration lockFor, Clock clock) {
    if (maxFailures < 1) {
      throw new IllegalArgumentException("maxFailures must be at least 1");
    }
    this.maxFailures = maxFailures;
    this.lockFor = lockFor;
    this.clock = clock;
    // a run of failures is forgotten once it is older than a lock would last
    this.failures = Caffeine.newBuilder().expireAfterWrite(lockFor).maximumSize(100_000).build();
  }

  /** When the lock on {@code username} ends, if it is locked now. */
  public Optional<Instant> lockedUntil(String username) {
    Failures f = failures.getIfPresent(username);
    if (f == null || f.lockedUntil() == null) {
      return Optional.empty();
    }
    return f.lockedUntil().isAfter(clock.instant())
        ? Optional.of(f.lockedUntil())
        : Optional.empty();
  }

  /** Counts a failed login; true when this one locked the name. */
  public boolean failed(String username) {
    Failures after =
        failures
            .asMap()
            .compute(
                username,
                (name, before) -> {
                  int count =
                      (before == null || before.lockedUntil() != null) ? 1 : before.count() + 1;
                  return new Failures(
                      count, count >= maxFailures ? clock.instant().plus(lockFor) : null);
                });
    if (after.lockedUntil() != null) {
      log.warn(
          "login: an account name was locked for {} s after {} failed logins",
          lockFor.toSeconds(),
          maxFailures);
      return true;
    }
    return false;
  }

  public void succeeded(String username) {
    failures.invalidate(username);
  }
}
