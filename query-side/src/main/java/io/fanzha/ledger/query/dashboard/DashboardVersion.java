package io.fanzha.ledger.query.dashboard;

import io.fanzha.ledger.query.Generations;
import io.fanzha.ledger.query.lead.FraudLeadProjection;
import io.fanzha.ledger.query.leadfeed.PoliceLeadOutbox;
import io.fanzha.ledger.query.scorecard.ScorecardProjection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.springframework.stereotype.Component;

/**
 * Names the state of the read models the dashboard is drawn from: for each, its live generation (a
 * rebuild moves it) and the log position its processor has handled. Documents for events up to
 * those positions are written by then, so an answer computed after reading the version rests on at
 * least those events; a new event or a rebuild gives a new version.
 */
@Component
class DashboardVersion {

  static final List<String> WATCHED =
      List.of(
          ScorecardProjection.GROUP,
          DashboardProjection.GROUP,
          FraudLeadProjection.GROUP,
          PoliceLeadOutbox.GROUP);

  private final EventProcessingConfiguration processing;
  private final Generations generations;

  DashboardVersion(EventProcessingConfiguration processing, Generations generations) {
    this.processing = processing;
    this.generations = generations;
  }

  /** {@code group:generation@position} for each, {@code -} where this instance runs none. */
  String current() {
    return WATCHED.stream()
        .map(
            group ->
                group
                    + ":"
                    + generations.liveGeneration(group)
                    + "@"
                    + processing
                        .eventProcessor(group, StreamingEventProcessor.class)
                        .map(StreamingEventProcessor::processingStatus)
                        .map(DashboardVersion::position)
                        .orElse("-"))
        .collect(Collectors.joining(","));
  }

  private static String position(Map<Integer, EventTrackerStatus> segments) {
    if (segments.isEmpty()) {
      return "-";
    }
    return segments.values().stream()
        .map(s -> s.getCurrentPosition().isPresent() ? s.getCurrentPosition().getAsLong() : -1L)
        .map(String::valueOf)
        .sorted()
        .collect(Collectors.joining("+"));
  }
}
