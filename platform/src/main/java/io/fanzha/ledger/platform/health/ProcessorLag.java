package io.fanzha.ledger.platform.health;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalLong;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.WrappedToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * How far each streaming processor of this instance is behind the head of the event store, in
 * events. Only the segments this instance holds count: a processor whose segments another instance
 * holds is that instance's to report (Prometheus takes the highest across instances). One reading
 * serves the gauges and the health check alike and is taken at most once per {@code
 * fanzha.health.lag-reading-interval}, so a scrape or a probe costs one head query at most.
 */
@Component
public class ProcessorLag {

  private static final Logger log = LoggerFactory.getLogger(ProcessorLag.class);

  private final EventProcessingConfiguration processing;
  private final EventStore eventStore;
  private final MeterRegistry meters;
  private final Duration readingInterval;
  private final Clock clock = Clock.systemUTC();
  private volatile Reading last;

  ProcessorLag(
      EventProcessingConfiguration processing,
      EventStore eventStore,
      MeterRegistry meters,
      @Value("${fanzha.health.lag-reading-interval:PT1S}") Duration readingInterval) {
    this.processing = processing;
    this.eventStore = eventStore;
    this.meters = meters;
    this.readingInterval = readingInterval;
  }

  /** One processor as this instance sees it. {@code lag} is null when it holds no segment. */
  public record Processor(int segmentsHeld, Long position, Long lag, String error) {}

  /** Every streaming processor of this instance, with the head position it was measured against. */
  public record Reading(Instant at, Long head, Map<String, Processor> processors) {}

  public Reading read() {
    Reading reading = last;
    Instant now = clock.instant();
    if (reading == null || !reading.at().plus(readingInterval).isAfter(now)) {
      reading = measure(now);
      last = reading;
    }
    return reading;
  }

  /** The gauges, once Axon's processors exist. */
  @EventListener(ApplicationReadyEvent.class)
  void registerGauges() {
    for (String name : streamingProcessors().keySet()) {
      Gauge.builder("fanzha.processor.lag", this, lag -> lag.lagOf(name))
          .description("events between the head of the store and this instance's segments")
          .baseUnit("events")
          .tag("processor", name)
          .register(meters);
      Gauge.builder("fanzha.processor.segments.held", this, lag -> lag.segmentsOf(name))
          .description("segments of the processor this instance holds")
          .tag("processor", name)
          .register(meters);
    }
    log.info("processor lag measured for {}", streamingProcessors().keySet());
  }

  private double lagOf(String name) {
    Processor processor = read().processors().get(name);
    return processor == null || processor.lag() == null ? Double.NaN : processor.lag();
  }

  private double segmentsOf(String name) {
    Processor processor = read().processors().get(name);
    return processor == null ? 0 : processor.segmentsHeld();
  }

  private Reading measure(Instant now) {
    Long head = head();
    Map<String, Processor> processors = new LinkedHashMap<>();
    streamingProcessors()
        .forEach(
            (name, processor) -> {
              Map<Integer, EventTrackerStatus> statuses = processor.processingStatus();
              Long position = null;
              boolean first = true;
              String error = null;
              for (EventTrackerStatus status : statuses.values()) {
                Long at = positionOf(status.getTrackingToken());
                position =
                    first ? at : (position == null || at == null ? null : Math.min(position, at));
                first = false;
                if (status.isErrorState() && error == null) {
                  error =
                      status.getError() == null
                          ? "in error"
                          : status.getError().getClass().getSimpleName();
                }
              }
              if (processor.isError() && error == null) {
                error = "in error";
              }
              Long lag =
                  statuses.isEmpty() || head == null
                      ? null
                      : Math.max(0, head - (position == null ? -1 : position));
              processors.put(name, new Processor(statuses.size(), position, lag, error));
            });
    return new Reading(now, head, processors);
  }

  private Map<String, StreamingEventProcessor> streamingProcessors() {
    Map<String, StreamingEventProcessor> streaming = new LinkedHashMap<>();
    processing.eventProcessors().values().stream()
        .filter(StreamingEventProcessor.class::isInstance)
        .map(StreamingEventProcessor.class::cast)
        .sorted((a, b) -> a.getName().compareTo(b.getName()))
        .forEach(p -> streaming.put(p.getName(), p));
    return streaming;
  }

  private Long head() {
    TrackingToken head = eventStore.createHeadToken();
    if (head == null) {
      return null;
    }
    OptionalLong position = head.position();
    return position.isPresent() ? position.getAsLong() : null;
  }

  private static Long positionOf(TrackingToken token) {
    if (token == null) {
      return null;
    }
    OptionalLong position = WrappedToken.unwrapLowerBound(token).position();
    return position.isPresent() ? position.getAsLong() : null;
  }
}
