package io.fanzha.ledger.query.dashboard;

import io.fanzha.ledger.platform.web.Refusal;
import jakarta.annotation.PreDestroy;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Tells open dashboards when the read models they are drawn from have moved. One scheduler thread
 * looks at their {@link DashboardVersion} a few times a second; when any has changed it sends a
 * {@code facts} event to every open stream, which makes the page ask for its data again. Streams
 * are servlet-async emitters, no thread each; their number is bounded, each gets a comment as a
 * heartbeat so that proxies and the browser keep it open, and a stream whose client is gone is
 * dropped on the first failed send, on timeout or on completion.
 */
@Component
public class DashboardFeed {

  private static final Logger log = LoggerFactory.getLogger(DashboardFeed.class);

  private final DashboardVersion version;
  private final int maxStreams;
  private final Duration streamTimeout;
  private final Duration checkEvery;
  private final Duration heartbeatEvery;
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
      DashboardVersion version,
      @Value("${fanzha.dashboard.max-streams:200}") int maxStreams,
      @Value("${fanzha.dashboard.check-every:PT0.25S}") Duration checkEvery,
      @Value("${fanzha.dashboard.heartbeat-every:PT15S}") Duration heartbeatEvery,
      @Value("${fanzha.dashboard.stream-timeout:PT30M}") Duration streamTimeout) {
    this.version = version;
    this.maxStreams = maxStreams;
    this.streamTimeout = streamTimeout;
    this.checkEvery = checkEvery;
    this.heartbeatEvery = heartbeatEvery;
  }

  /**
   * Starts looking once the application is up: the processors are configured and running by then,
   * and the look never competes with the context for its beans.
   */
  @EventListener(ApplicationReadyEvent.class)
  void start() {
    scheduler.scheduleWithFixedDelay(
        this::announceIfMoved, checkEvery.toMillis(), checkEvery.toMillis(), TimeUnit.MILLISECONDS);
    scheduler.scheduleWithFixedDelay(
        this::heartbeat,
        heartbeatEvery.toMillis(),
        heartbeatEvery.toMillis(),
        TimeUnit.MILLISECONDS);
    log.info(
        "dashboard feed: watching {} every {} ms, at most {} streams",
        DashboardVersion.WATCHED,
        checkEvery.toMillis(),
        maxStreams);
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
    send(stream, SseEmitter.event().name("ready").id(version.current()).data(version.current()));
    log.info("dashboard stream opened; {} open", streams.size());
    return stream;
  }

  int openStreams() {
    return streams.size();
  }

  private void announceIfMoved() {
    try {
      String now = version.current();
      if (now.equals(lastSeen)) {
        return;
      }
      lastSeen = now;
      log.debug("dashboard feed: read models at {}, telling {} streams", now, streams.size());
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
