package io.fanzha.ledger.query.admin;

import io.fanzha.ledger.query.ReadModel;
import jakarta.annotation.PreDestroy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.WrappedToken;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * The query side's streaming processors: their state, and rebuilds by replay. A rebuild stops the
 * processor, takes the read model's checksum, resets the tokens (the projection's reset handler
 * empties its collections), starts it again and follows it to the head of the log as it was when
 * the rebuild began, logging progress every few seconds; then takes the checksum again.
 */
@Service
public class Processors {

  static final String ALL = "all";
  private static final Logger log = LoggerFactory.getLogger(Processors.class);

  private final EventProcessingConfiguration processing;
  private final EventStore eventStore;
  private final TokenStore tokenStore;
  private final ReadModelChecksum checksum;
  private final Map<String, ReadModel> readModels;
  private final Map<String, Rebuild> rebuilds = new ConcurrentHashMap<>();
  private final ScheduledExecutorService watcher;
  private final Duration logInterval;
  private final Clock clock = Clock.systemUTC();

  Processors(
      EventProcessingConfiguration processing,
      EventStore eventStore,
      TokenStore tokenStore,
      ReadModelChecksum checksum,
      List<ReadModel> readModels,
      @Value("${fanzha.read-models.rebuild-log-interval:PT5S}") Duration logInterval) {
    this.processing = processing;
    this.eventStore = eventStore;
    this.tokenStore = tokenStore;
    this.checksum = checksum;
    this.readModels =
        readModels.stream()
            .collect(Collectors.toMap(ReadModel::processingGroup, Function.identity()));
    this.logInterval = logInterval;
    this.watcher =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread thread = new Thread(r, "rebuild-watcher");
              thread.setDaemon(true);
              return thread;
            });
    this.watcher.scheduleWithFixedDelay(this::watch, 1, 1, TimeUnit.SECONDS);
  }

  List<ProcessorState> all() {
    Long head = head();
    return names().stream().map(name -> state(name, head)).toList();
  }

  ProcessorState one(String name) {
    return state(known(name), head());
  }

  /** Starts a rebuild of one processor, or of every one for {@value #ALL}. */
  List<ProcessorState> rebuild(String name) {
    List<String> which = ALL.equals(name) ? names() : List.of(known(name));
    for (String each : which) {
      Rebuild running = rebuilds.get(each);
      if (running != null && running.finishedAt == null) {
        throw new RebuildRunning(each);
      }
    }
    List<ProcessorState> started = new ArrayList<>();
    for (String each : which) {
      started.add(start(each));
    }
    return started;
  }

  private synchronized ProcessorState start(String name) {
    StreamingEventProcessor processor = processor(name);
    Instant startedAt = clock.instant();
    Long head = head();
    // let it reach the head first, so the checksums before and after cover the same events
    boolean caughtUp = awaitPosition(processor, head, java.time.Duration.ofSeconds(10));
    processor.shutDown();
    // a stored token may lag the position the processor had handled when it stopped
    Long stoppedAt = caughtUp ? head : storedPosition(name);
    ReadModelChecksum.Sum before = checksum.of(readModels.get(name).collections());
    processor.resetTokens();
    long target = Math.max(head == null ? -1 : head, stoppedAt == null ? -1 : stoppedAt);
    Rebuild rebuild =
        new Rebuild(
            startedAt,
            target,
            new RebuildProgress.Checksum(before.sha256(), before.documents(), stoppedAt));
    rebuilds.put(name, rebuild);
    processor.start();
    log.info(
        "rebuild of {} started: {} events to replay, read model before {} ({} documents)",
        name,
        target + 1,
        before.sha256(),
        before.documents());
    return state(name, head);
  }

  private static boolean awaitPosition(
      StreamingEventProcessor processor, Long head, java.time.Duration limit) {
    if (head == null) {
      return false;
    }
    long until = System.nanoTime() + limit.toNanos();
    while (System.nanoTime() < until) {
      Long position = position(processor);
      if (position != null && position >= head) {
        return true;
      }
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return false;
      }
    }
    return false;
  }

  /** Finishes rebuilds that have reached their target and logs the progress of the others. */
  private void watch() {
    try {
      rebuilds.forEach(
          (name, rebuild) -> {
            if (rebuild.finishedAt != null) {
              return;
            }
            Long position = position(processor(name));
            long done = done(rebuild, position);
            if (position != null && position >= rebuild.target) {
              finish(name, rebuild, position);
            } else if (Duration.between(rebuild.lastLogged, clock.instant()).compareTo(logInterval)
                >= 0) {
              rebuild.lastLogged = clock.instant();
              RebuildProgress progress = progress(rebuild, position);
              log.info(
                  "rebuild of {}: {}/{} events, {}/s, ETA {} s",
                  name,
                  done,
                  rebuild.target + 1,
                  Math.round(progress.eventsPerSecond()),
                  progress.etaSeconds());
            }
          });
    } catch (RuntimeException e) {
      log.warn("rebuild watcher: {}", e.toString());
    }
  }

  private void finish(String name, Rebuild rebuild, long position) {
    ReadModelChecksum.Sum after = checksum.of(readModels.get(name).collections());
    rebuild.after = new RebuildProgress.Checksum(after.sha256(), after.documents(), position);
    rebuild.finishedAt = clock.instant();
    boolean samePosition =
        rebuild.before.position() != null && rebuild.before.position() == position;
    log.info(
        "rebuild of {} done in {} ms: read model after {} ({} documents), {}",
        name,
        Duration.between(rebuild.startedAt, rebuild.finishedAt).toMillis(),
        after.sha256(),
        after.documents(),
        samePosition
            ? (after.sha256().equals(rebuild.before.sha256())
                ? "equal to the one it replaced"
                : "DIFFERENT from the one it replaced")
            : "events recorded meanwhile, not comparable");
  }

  private ProcessorState state(String name, Long head) {
    StreamingEventProcessor processor = processor(name);
    Map<Integer, EventTrackerStatus> statuses = processor.processingStatus();
    List<ProcessorState.Segment> segments = new ArrayList<>();
    statuses.forEach(
        (id, s) ->
            segments.add(
                new ProcessorState.Segment(
                    id,
                    s.getCurrentPosition().isPresent() ? s.getCurrentPosition().getAsLong() : null,
                    s.isCaughtUp(),
                    s.isReplaying(),
                    s.isErrorState() ? String.valueOf(s.getError()) : null)));
    Long position = position(processor);
    Long lag = head == null ? null : head - (position == null ? -1 : position);
    String status = processor.isError() ? "error" : processor.isRunning() ? "running" : "stopped";
    Rebuild rebuild = rebuilds.get(name);
    return new ProcessorState(
        name,
        status,
        position,
        head,
        lag,
        processor.isReplaying(),
        segments.size(),
        segments,
        rebuild == null ? null : progress(rebuild, position));
  }

  private RebuildProgress progress(Rebuild rebuild, Long position) {
    long total = rebuild.target + 1;
    long done = rebuild.finishedAt != null ? total : done(rebuild, position);
    Instant until = rebuild.finishedAt != null ? rebuild.finishedAt : clock.instant();
    double seconds =
        Math.max(0.001, Duration.between(rebuild.startedAt, until).toMillis() / 1000.0);
    double rate = done / seconds;
    Long eta =
        rebuild.finishedAt != null
            ? Long.valueOf(0)
            : rate > 0 ? Math.round((total - done) / rate) : null;
    Boolean equal = null;
    if (rebuild.after != null
        && rebuild.before.position() != null
        && rebuild.before.position().equals(rebuild.after.position())) {
      equal = rebuild.before.sha256().equals(rebuild.after.sha256());
    }
    return new RebuildProgress(
        rebuild.finishedAt == null ? "running" : "done",
        rebuild.startedAt,
        rebuild.finishedAt,
        done,
        total,
        Math.round(rate * 10) / 10.0,
        eta,
        rebuild.before,
        rebuild.after,
        equal);
  }

  private static long done(Rebuild rebuild, Long position) {
    return Math.min(rebuild.target + 1, position == null ? 0 : position + 1);
  }

  /** The lowest position the processor's segments have handled; null before any or when stopped. */
  private static Long position(StreamingEventProcessor processor) {
    return processor.processingStatus().values().stream()
        .map(EventTrackerStatus::getTrackingToken)
        .map(Processors::positionOf)
        .reduce((a, b) -> a == null || b == null ? null : Math.min(a, b))
        .orElse(null);
  }

  /** The lowest position in the stored tokens of a stopped processor, claimed only to be read. */
  private Long storedPosition(String name) {
    Long lowest = null;
    boolean first = true;
    for (int segment : tokenStore.fetchSegments(name)) {
      Long position = positionOf(tokenStore.fetchToken(name, segment));
      tokenStore.releaseClaim(name, segment);
      lowest =
          first
              ? position
              : (lowest == null || position == null ? null : Math.min(lowest, position));
      first = false;
    }
    return lowest;
  }

  private static Long positionOf(TrackingToken token) {
    if (token == null) {
      return null;
    }
    TrackingToken current = WrappedToken.unwrapLowerBound(token);
    return current.position().isPresent() ? current.position().getAsLong() : null;
  }

  private Long head() {
    TrackingToken head = eventStore.createHeadToken();
    return head == null || head.position().isEmpty() ? null : head.position().getAsLong();
  }

  private List<String> names() {
    return processing.eventProcessors().values().stream()
        .filter(StreamingEventProcessor.class::isInstance)
        .map(p -> p.getName())
        .sorted()
        .toList();
  }

  private String known(String name) {
    if (!names().contains(name) || !readModels.containsKey(name)) {
      throw new NoSuchProcessingGroup(name);
    }
    return name;
  }

  private StreamingEventProcessor processor(String name) {
    return processing
        .eventProcessor(name, StreamingEventProcessor.class)
        .orElseThrow(() -> new NoSuchProcessingGroup(name));
  }

  @PreDestroy
  void stop() {
    watcher.shutdownNow();
  }

  /** A rebuild in flight or done; mutable fields are written by one watcher thread. */
  private static final class Rebuild {
    final Instant startedAt;
    final long target;
    final RebuildProgress.Checksum before;
    volatile Instant lastLogged;
    volatile RebuildProgress.Checksum after;
    volatile Instant finishedAt;

    Rebuild(Instant startedAt, long target, RebuildProgress.Checksum before) {
      this.startedAt = startedAt;
      this.target = target;
      this.before = before;
      this.lastLogged = startedAt;
    }
  }
}
