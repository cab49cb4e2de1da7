package io.fanzha.ledger.query.scorecard;

import io.fanzha.ledger.query.Generations;
import java.util.Map;
import java.util.Optional;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.springframework.stereotype.Component;

/**
 * Names the state of the scorecards read model: its live generation and the log position its
 * processor has handled. Documents written for events up to that position are in MongoDB by then (a
 * projection writes while it handles), so an answer computed after reading the version rests on at
 * least those events. Empty where this instance does not run the processor's segment.
 */
@Component
class ScorecardVersion {

  private final EventProcessingConfiguration processing;
  private final Generations generations;

  ScorecardVersion(EventProcessingConfiguration processing, Generations generations) {
    this.processing = processing;
    this.generations = generations;
  }

  Optional<String> current() {
    Map<Integer, EventTrackerStatus> status =
        processing
            .eventProcessor(ScorecardProjection.GROUP, StreamingEventProcessor.class)
            .map(StreamingEventProcessor::processingStatus)
            .orElse(Map.of());
    if (status.size() != 1) {
      return Optional.empty();
    }
    EventTrackerStatus segment = status.values().iterator().next();
    if (segment.isErrorState() || segment.getCurrentPosition().isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        generations.liveGeneration(ScorecardProjection.GROUP)
            + "@"
            + segment.getCurrentPosition().getAsLong());
  }
}
