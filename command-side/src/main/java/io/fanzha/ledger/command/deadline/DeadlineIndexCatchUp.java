package io.fanzha.ledger.command.deadline;

import java.time.Duration;
import java.util.OptionalLong;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * Waits until the deadline index has seen every event recorded so far, so that moving the
 * simulation clock fires the deadlines of facts recorded just before.
 */
@Component
@Profile("sim")
class DeadlineIndexCatchUp {

  private static final Duration LIMIT = Duration.ofSeconds(30);

  private final EventProcessingConfiguration processing;
  private final EventStore eventStore;

  DeadlineIndexCatchUp(EventProcessingConfiguration processing, EventStore eventStore) {
    this.processing = processing;
    this.eventStore = eventStore;
  }

  void await() {
    OptionalLong head = eventStore.createHeadToken().position();
    if (head.isEmpty()) {
      return;
    }
    StreamingEventProcessor index =
        processing.eventProcessor(DeadlineIndex.GROUP, StreamingEventProcessor.class).orElseThrow();
    long deadline = System.nanoTime() + LIMIT.toNanos();
    while (System.nanoTime() < deadline) {
      boolean caughtUp =
          !index.processingStatus().isEmpty()
              && index.processingStatus().values().stream()
                  .map(EventTrackerStatus::getCurrentPosition)
                  .allMatch(p -> p.isPresent() && p.getAsLong() >= head.getAsLong());
      if (caughtUp) {
        return;
      }
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
    throw new IllegalStateException("the deadline index did not catch up within " + LIMIT);
  }
}
