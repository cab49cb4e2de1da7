package io.fanzha.ledger.query.audit;

import java.util.Map;
import java.util.OptionalLong;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.WrappedToken;
import org.springframework.stereotype.Component;

/**
 * The log position up to which the audit trail is complete. The audit processor runs one segment on
 * one thread, so it writes positions in the order the store delivers them; the JDBC store may still
 * deliver a lower position late, when a transaction that took it commits after a higher one (a gap
 * in the token). Up to the token's first gap, or its position when it has none, nothing can arrive
 * any more.
 */
@Component
class AuditFrontier {

  private final EventProcessingConfiguration processing;

  AuditFrontier(EventProcessingConfiguration processing) {
    this.processing = processing;
  }

  /** Empty when this instance does not run the audit processor's segment. */
  OptionalLong settledThrough() {
    Map<Integer, EventTrackerStatus> status =
        processing
            .eventProcessor(AuditProjection.GROUP, StreamingEventProcessor.class)
            .map(StreamingEventProcessor::processingStatus)
            .orElse(Map.of());
    if (status.isEmpty()) {
      return OptionalLong.empty();
    }
    return OptionalLong.of(
        status.values().stream().mapToLong(s -> settled(s.getTrackingToken())).min().orElse(-1));
  }

  static long settled(TrackingToken token) {
    if (token == null) {
      return -1;
    }
    TrackingToken current = WrappedToken.unwrapLowerBound(token);
    if (current instanceof GapAwareTrackingToken gapAware && !gapAware.getGaps().isEmpty()) {
      return gapAware.getGaps().first() - 1;
    }
    return current.position().orElse(-1);
  }
}
