package io.fanzha.ledger.command.time;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * The time of the ledger. Event timestamps come from it too, so that a fact recorded while a
 * deadline fires carries the deadline's instant: replays and {@code asOf} queries then see time
 * exactly as it was due, however late the sweep ran.
 */
public class LedgerClock extends Clock {

  public static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

  private static final ThreadLocal<Instant> stampedAt = new ThreadLocal<>();

  private final AtomicReference<Instant> simulated;

  private LedgerClock(Instant simulatedStart) {
    this.simulated = simulatedStart == null ? null : new AtomicReference<>(simulatedStart);
  }

  public static LedgerClock system() {
    return new LedgerClock(null);
  }

  public static LedgerClock simulated(Instant start) {
    return new LedgerClock(start);
  }

  public boolean isSimulated() {
    return simulated != null;
  }

  /** What the clock says apart from any stamping in progress. */
  public Instant now() {
    return simulated == null ? Instant.now() : simulated.get();
  }

  @Override
  public Instant instant() {
    Instant stamp = stampedAt.get();
    return stamp != null ? stamp : now();
  }

  /**
   * Moves a simulated clock forward.
   *
   * @throws IllegalStateException when the clock is the system clock
   * @throws IllegalArgumentException when {@code to} lies before the current time
   */
  public void moveTo(Instant to) {
    if (simulated == null) {
      throw new IllegalStateException("only a simulated clock can be moved");
    }
    simulated.getAndUpdate(
        current -> {
          if (to.isBefore(current)) {
            throw new IllegalArgumentException("the clock never goes back");
          }
          return to;
        });
  }

  /**
   * Runs {@code work} on this thread with every clock reading, and event timestamp, at {@code at}.
   */
  public <T> T stampedAt(Instant at, Supplier<T> work) {
    Instant previous = stampedAt.get();
    stampedAt.set(at);
    try {
      return work.get();
    } finally {
      if (previous == null) {
        stampedAt.remove();
      } else {
        stampedAt.set(previous);
      }
    }
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    return new Clock() {
      @Override
      public ZoneId getZone() {
        return zone;
      }

      @Override
      public Clock withZone(ZoneId other) {
        return LedgerClock.this.withZone(other);
      }

      @Override
      public Instant instant() {
        return LedgerClock.this.instant();
      }
    };
  }
}
