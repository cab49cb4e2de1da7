package io.fanzha.ledger.query.dashboard;

import io.fanzha.ledger.platform.web.Refusal;
import io.fanzha.ledger.query.Generations;
import io.fanzha.ledger.query.lead.FraudLeadProjection;
import io.fanzha.ledger.query.leadfeed.PoliceLeadOutbox;
import io.fanzha.ledger.query.scorecard.ScorecardProjection;
import jakarta.annotation.PreDestroy;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Tells open dashboards when the read models they are drawn from have moved. One scheduler thread
 * looks at the positions of their processors (and their live generations, which a rebuild moves) a
 * few times a second; when any has changed it sends a {@code facts} event to every open stream,
 * which makes the page ask for its data again. Streams are servlet-async emitters, no thread each;
 * their number is bounded, each gets a comment as a heartbeat so that proxies and the browser keep
 * it open, and a stream whose client is gone is dropped on the first failed send, on timeout or on
 * completion.
 */
@Component
public class DashboardFeed {

  static final List<String> WATCHED =
      List.of(
          ScorecardProjection.GROUP,
          DashboardProjection.GROUP,
          FraudLeadProjection.GROUP,
          PoliceLeadOutbox.GROUP);
  private static final Logger log = LoggerFactory.getLogger(DashboardFeed.class);

  private final EventProcessingConfiguration processing;
  private final Generations generations;
  private final int maxStreams;
  private final Duration streamTimeout;
  private final Set<SseEmitter> streams = ConcurrentHashMap.newKeySet();
  private final ScheduledExecutorService scheduler =
      Executors.newSingleThreadScheduledExecutor(
          r -> {
            Thread thread = new Thread(r, "dashboard-feed");
            thread.setDaemon(true);
            return thread;
          });
  private volatile String lastSeen = "";

  DashboardFeed(
      EventProcessingConfiguration processing,
      Generations generations,
      @Value("${fanzha.dashboard.max-streams:200}") int maxStreams,
      @Value("${fanzha.dashboard.check-every:PT0.25S}") Duration checkEvery,
      @Value("${fanzha.dashboard.heartbeat-every:PT15S}") Duration heartbeatEvery,
      @Value("${fanzha.dashboard.stream-timeout:PT30M}") Duration streamTimeout) {
    this.processing = processing;
    this.generations = generations;
    this.maxStreams = maxStreams;
    this.streamTimeout = streamTimeout;
    scheduler.scheduleWithFixedDelay(
        this::announceIfMoved, checkEvery.toMillis(), checkEvery.toMillis(), TimeUnit.MILLISECONDS);
    scheduler.scheduleWithFixedDelay(
        this::heartbeat,
        heartbeatEvery.toMillis(),
        heartbeatEvery.toMillis(),
        TimeUnit.MILLISECONDS);
  }

  /** A new stream, told at once where the read models stand; refused when too many are open. */
  SseEmitter open() {
    if (streams.size() >= maxStreams) {
      throw new TooManyStreams(maxStreams);
    }
    SseEmitter stream = new SseEmitter(streamTimeout.toMillis());
    stream.onCompletion(() -> streams.remove(stream));
    stream.onTimeout(() -> streams.remove(stream));
    stream.onError(e -> streams.remove(stream));
    streams.add(stream);
    send(stream, SseEmitter.event().name("ready").id(positions()).data(positions()));
    log.info("dashboard stream opened; {} open", streams.size());
    return stream;
  }

  int openStreams() {
    return streams.size();
  }

  private void announceIfMoved() {
    try {
      String now = positions();
      if (now.equals(lastSeen)) {
        return;
      }
      lastSeen = now;
      for (SseEmitter stream : streams) {
        send(
            stream,
            SseEmitter.event()
                .name("facts")
                .id(now)
                .data(Map.of("positions", now), MediaType.APPLICATION_JSON));
      }
    } catch (RuntimeException e) {
      // the next look tries again; the scheduler must not die of one failure
      log.warn("dashboard feed: could not read the processors' positions: {}", e.toString());
    }
  }

  private void heartbeat() {
    streams.forEach(stream -> send(stream, SseEmitter.event().comment("heartbeat")));
  }

  private void send(SseEmitter stream, SseEmitter.SseEventBuilder event) {
    try {
      stream.send(event);
    } catch (IOException | IllegalStateException gone) {
      streams.remove(stream);
      stream.completeWithError(gone);
    }
  }

  /**
   * {@code group:generation@position} for each watched processor, or {@code -} where it has none.
   */
  String positions() {
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
                        .map(DashboardFeed::position)
                        .orElse("-"))
        .collect(Collectors.joining(","));
  }

  private static String position(Map<Integer, EventTrackerStatus> segments) {
    return segments.values().stream()
        .map(s -> s.getCurrentPosition().isPresent() ? s.getCurrentPosition().getAsLong() : -1L)
        .map(String::valueOf)
        .sorted()
        .collect(Collectors.joining("+"));
  }

  @PreDestroy
  void stop() {
    scheduler.shutdownNow();
    streams.forEach(SseEmitter::complete);
    streams.clear();
  }

  /** More dashboards are open than this instance serves; 503. */
  static class TooManyStreams extends Refusal {
    TooManyStreams(int max) {
      super(
          503,
          "too-many-streams",
          "This instance already serves " + max + " open dashboards; try again later.");
    }
  }
}
