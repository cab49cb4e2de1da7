package io.fanzha.ledger.query.leadfeed;

import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * The worker that moves pending outbox entries to the police queue, lowest feed sequence first, one
 * at a time: claim (a lease), publish, wait for the confirm, mark delivered. A failure leaves the
 * entry pending with its attempts and the time of the next one, and pauses the worker until then;
 * the wait doubles with every failure in a row, up to the configured cap. A failure burst logs one
 * line when it starts and one when the broker confirms again.
 */
class LeadDelivery implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(LeadDelivery.class);

  private final OutboxEntries entries;
  private final PoliceLeadQueue queue;
  private final PoliceFeedProperties properties;
  private final Clock clock;
  private final String owner =
      ManagementFactory.getRuntimeMXBean().getName() + "/" + UUID.randomUUID();
  private ScheduledExecutorService worker;
  private volatile boolean running;
  private Instant pausedUntil = Instant.MIN;
  private int failuresInARow;

  LeadDelivery(
      OutboxEntries entries, PoliceLeadQueue queue, PoliceFeedProperties properties, Clock clock) {
    this.entries = entries;
    this.queue = queue;
    this.properties = properties;
    this.clock = clock;
  }

  /** Delivers what is due, up to a batch; called on the worker's thread only. */
  void deliverDue() {
    Instant now = clock.instant();
    if (now.isBefore(pausedUntil)) {
      return;
    }
    for (int i = 0; i < properties.batchSize() && running; i++) {
      now = clock.instant();
      Optional<OutboxEntry> claimed = entries.claimNext(owner, now, now.plus(properties.lease()));
      if (claimed.isEmpty()) {
        return;
      }
      OutboxEntry entry = claimed.get();
      try {
        queue.send(entry);
      } catch (PoliceLeadQueue.NotDelivered failure) {
        failuresInARow++;
        Instant failedAt = clock.instant();
        pausedUntil = failedAt.plus(properties.backoff(failuresInARow));
        entries.failed(entry, owner, failedAt, pausedUntil, failure.getMessage());
        if (failuresInARow == 1) {
          log.warn(
              "police feed: lead {} not delivered to {}: {}; {} entries stay pending, retrying"
                  + " with backoff up to {} s",
              entry.leadId(),
              queue.name(),
              failure.getMessage(),
              entries.pending(),
              properties.maxBackoff().toSeconds());
        } else {
          log.debug(
              "police feed: attempt {} failed for lead {}: {}",
              failuresInARow,
              entry.leadId(),
              failure.getMessage());
        }
        return;
      }
      entries.delivered(entry, owner, clock.instant());
      if (failuresInARow > 0) {
        log.info(
            "police feed: the broker confirms again after {} failed attempts; delivering",
            failuresInARow);
        failuresInARow = 0;
      }
      log.debug("police feed: lead {} delivered to {}", entry.leadId(), queue.name());
    }
  }

  private void tick() {
    try {
      deliverDue();
    } catch (RuntimeException e) {
      // MongoDB away, most likely: the entries are where they were; try again next time.
      if (failuresInARow++ == 0) {
        log.warn("police feed: the outbox could not be read or updated: {}", e.toString());
      }
      pausedUntil = clock.instant().plus(properties.backoff(failuresInARow));
    }
  }

  @Override
  public synchronized void start() {
    if (running) {
      return;
    }
    running = true;
    worker =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread thread = new Thread(r, "police-feed");
              thread.setDaemon(true);
              return thread;
            });
    long every = Math.max(1, properties.pollInterval().toMillis());
    worker.scheduleWithFixedDelay(this::tick, every, every, TimeUnit.MILLISECONDS);
    log.info("police feed: delivering pending leads to queue {} every {} ms", queue.name(), every);
  }

  @Override
  public synchronized void stop() {
    if (!running) {
      return;
    }
    running = false;
    worker.shutdown();
    try {
      if (!worker.awaitTermination(
          properties.confirmTimeout().plus(Duration.ofSeconds(1)).toMillis(),
          TimeUnit.MILLISECONDS)) {
        worker.shutdownNow();
      }
    } catch (InterruptedException e) {
      worker.shutdownNow();
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public boolean isRunning() {
    return running;
  }
}
