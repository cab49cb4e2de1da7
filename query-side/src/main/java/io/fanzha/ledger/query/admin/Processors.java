package io.fanzha.ledger.query.admin;

import io.fanzha.ledger.query.CollectionNames;
import io.fanzha.ledger.query.Generations;
import io.fanzha.ledger.query.ReadModel;
import io.fanzha.ledger.query.ReadModelWriter;
import jakarta.annotation.PreDestroy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.config.Configuration;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.WrappedToken;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.ResultMessage;
import org.axonframework.messaging.annotation.ParameterResolverFactory;
import org.axonframework.messaging.deadletter.SequencedDeadLetterQueue;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Service;

/**
 * The query side's streaming processors: their state, and rebuilds built aside. A rebuild reads the
 * whole log into a fresh instance of the projection writing the read model's next generation, while
 * the live processor goes on serving and updating the live one. When the rebuild has caught up, the
 * live processor is paused, the rebuild reads up to where it stopped, the processor's token moves
 * to the rebuild's and the generation pointer to the new collections; the processor resumes there.
 * The replaced generation, frozen from then on, is checksummed beside the new one and dropped.
 */
@Service
public class Processors {

  static final String ALL = "all";
  private static final Logger log = LoggerFactory.getLogger(Processors.class);
  private static final Duration CHECK_EVERY = Duration.ofMillis(250);

  private final EventProcessingConfiguration processing;
  private final EventStore eventStore;
  private final TokenStore tokenStore;
  private final ReadModelChecksum checksum;
  private final Generations generations;
  private final MongoTemplate mongo;
  private final ParameterResolverFactory parameters;
  private final Map<String, ReadModel> readModels;
  private final Map<String, Rebuild> rebuilds = new ConcurrentHashMap<>();
  private final ExecutorService builders;
  private final Duration logInterval;
  private final Duration catchUpLimit;
  private final Clock clock = Clock.systemUTC();

  Processors(
      EventProcessingConfiguration processing,
      EventStore eventStore,
      TokenStore tokenStore,
      ReadModelChecksum checksum,
      Generations generations,
      MongoTemplate mongo,
      Configuration axon,
      List<ReadModel> readModels,
      @Value("${fanzha.read-models.rebuild-log-interval:PT5S}") Duration logInterval,
      @Value("${fanzha.read-models.rebuild-catch-up-limit:PT30S}") Duration catchUpLimit) {
    this.processing = processing;
    this.eventStore = eventStore;
    this.tokenStore = tokenStore;
    this.checksum = checksum;
    this.generations = generations;
    this.mongo = mongo;
    this.parameters = axon.parameterResolverFactory();
    this.readModels =
        readModels.stream()
            .collect(Collectors.toMap(ReadModel::processingGroup, Function.identity()));
    this.logInterval = logInterval;
    this.catchUpLimit = catchUpLimit;
    AtomicInteger threads = new AtomicInteger();
    this.builders =
        Executors.newCachedThreadPool(
            r -> {
              Thread thread = new Thread(r, "rebuild-" + threads.incrementAndGet());
              thread.setDaemon(true);
              return thread;
            });
  }

  List<ProcessorState> all() {
    Long head = head();
    return names().stream().map(name -> state(name, head)).toList();
  }

  ProcessorState one(String name) {
    return state(known(name), head());
  }

  /** Starts a rebuild of one read model, or of every one for {@value #ALL}. */
  synchronized List<ProcessorState> rebuild(String name) {
    // "all" is every read model; a processor without one (the police lead outbox) is never rebuilt
    List<String> which =
        ALL.equals(name)
            ? names().stream().filter(readModels::containsKey).toList()
            : List.of(known(name));
    for (String each : which) {
      Rebuild running = rebuilds.get(each);
      if (running != null && running.finishedAt == null) {
        throw new RebuildRunning(each);
      }
    }
    Long head = head();
    List<ProcessorState> started = new ArrayList<>();
    List<Build> builds = new ArrayList<>();
    for (String each : which) {
      Rebuild rebuild =
          new Rebuild(
              generations.liveGeneration(each) + 1, clock.instant(), head == null ? -1 : head);
      rebuilds.put(each, rebuild);
      builds.add(new Build(each, rebuild));
      started.add(state(each, head));
    }
    builders.execute(() -> build(builds));
    return started;
  }

  /**
   * One read of the log feeds every read model rebuilt together (each event is read and
   * deserialized once); a read model whose projection fails drops out and the others go on.
   */
  private void build(List<Build> builds) {
    List<Build> going = new ArrayList<>(builds);
    try (BlockingStream<TrackedEventMessage<?>> events = eventStore.openStream(null)) {
      for (Build build : builds) {
        log.info(
            "rebuild of {} started: generation {} beside the live one, {} events in the log",
            build.name,
            build.rebuild.generation,
            build.rebuild.headAtStart + 1);
        build.prepare();
      }
      // 1. the whole log, while the live processors go on
      long nextCheck = System.nanoTime() + CHECK_EVERY.toNanos();
      while (!going.isEmpty()) {
        boolean more = events.hasNextAvailable(200, TimeUnit.MILLISECONDS);
        if (more) {
          handle(going, events.nextAvailable());
        }
        if (!more || System.nanoTime() >= nextCheck) {
          nextCheck = System.nanoTime() + CHECK_EVERY.toNanos();
          going.forEach(build -> logProgress(build.name, build.rebuild));
          if (going.stream().allMatch(build -> caughtUp(build.rebuild, build.processor))) {
            break;
          }
        }
      }
      // 2. pause the live processors and read up to where the furthest stopped
      for (Build build : going) {
        build.processor.shutDown();
        build.paused = true;
        build.live = storedToken(build.name);
      }
      long until = System.nanoTime() + catchUpLimit.toNanos();
      while (going.stream().anyMatch(Build::behindLive)) {
        if (System.nanoTime() > until) {
          throw new IllegalStateException(
              "the log did not deliver the events the live processors had handled");
        }
        if (events.hasNextAvailable(200, TimeUnit.MILLISECONDS)) {
          handle(going, events.nextAvailable());
        }
      }
      // 3. switch each: its processor resumes where the rebuild is, on the new generation
      for (Build build : List.copyOf(going)) {
        try {
          build.writes.flush();
          switchOver(build);
        } catch (RuntimeException e) {
          fail(build, e, going);
        }
      }
    } catch (Exception | LinkageError e) {
      for (Build build : List.copyOf(going)) {
        fail(build, e, going);
      }
    }
  }

  private void switchOver(Build build) {
    Rebuild rebuild = build.rebuild;
    int replaced = generations.liveGeneration(build.name);
    ReadModelChecksum.Sum after = checksum.of(build.model.collections(), build.target);
    // The processor resumes from its own token, not the rebuild's: it hands the new generation
    // again the events between the two (the projections' writes are idempotent). Resumed from the
    // rebuild's token, it missed transactions that committed late into a gap after the switch
    // (ReadModelRebuildIntegrationTest with four writers).
    generations.makeLive(build.name, rebuild.generation);
    processing.deadLetterQueue(build.name).ifPresent(SequencedDeadLetterQueue::clear);
    build.processor.start();
    build.paused = false;
    // the replaced generation is frozen now: checksum it, then drop it
    CollectionNames old = CollectionNames.generation(replaced);
    ReadModelChecksum.Sum before = checksum.of(build.model.collections(), old);
    generations.drop(build.model.collections(), old);
    rebuild.before =
        new RebuildProgress.Checksum(before.sha256(), before.documents(), positionOf(build.live));
    rebuild.after =
        new RebuildProgress.Checksum(
            after.sha256(), after.documents(), positionOf(rebuild.reached));
    rebuild.equal = sameEvents(build.live, rebuild) ? before.sha256().equals(after.sha256()) : null;
    rebuild.finishedAt = clock.instant();
    log.info(
        "rebuild of {} done in {} ms: generation {} is live, {} ({} documents), {}",
        build.name,
        Duration.between(rebuild.startedAt, rebuild.finishedAt).toMillis(),
        rebuild.generation,
        after.sha256(),
        after.documents(),
        rebuild.equal == null
            ? "events recorded meanwhile, not comparable with the one it replaced"
            : rebuild.equal
                ? "equal to the one it replaced"
                : "DIFFERENT from the one it replaced");
  }

  private void fail(Build build, Throwable cause, List<Build> going) {
    going.remove(build);
    Rebuild rebuild = build.rebuild;
    rebuild.error = cause.getMessage() == null ? cause.toString() : cause.getMessage();
    rebuild.failed = true;
    rebuild.finishedAt = clock.instant();
    if (build.paused) {
      build.processor.start();
      build.paused = false;
    }
    try {
      generations.drop(build.model.collections(), build.target);
    } catch (RuntimeException e) {
      log.warn("rebuild of {}: generation {} not dropped: {}", build.name, rebuild.generation, e);
    }
    log.warn(
        "rebuild of {} failed at position {}, the live read model is unchanged: {}",
        build.name,
        positionOf(rebuild.reached),
        rebuild.error);
  }

  /** Hands one event to every rebuild still going; one that fails drops out. */
  private void handle(List<Build> going, TrackedEventMessage<?> event) {
    for (Build build : List.copyOf(going)) {
      try {
        handle(build.projection, event, build.rebuild);
      } catch (Exception e) {
        fail(build, e, going);
      }
    }
  }

  /** Handles one event; a failure stops the rebuild and names the event. */
  private static void handle(
      AnnotationEventHandlerAdapter projection, TrackedEventMessage<?> event, Rebuild rebuild)
      throws Exception {
    if (projection.canHandle(event)) {
      rebuild.lastHandled = event.trackingToken();
      ResultMessage<?> result =
          DefaultUnitOfWork.startAndGet(event)
              .executeWithResult(
                  () -> {
                    projection.handle(event);
                    return null;
                  });
      if (result.isExceptional()) {
        throw new IllegalStateException(
            "event "
                + event.getIdentifier()
                + " ("
                + event.getPayloadType().getSimpleName()
                + ") at position "
                + positionOf(event.trackingToken())
                + " failed: "
                + result.exceptionResult().getMessage(),
            result.exceptionResult());
      }
    }
    rebuild.reached = event.trackingToken();
  }

  /** The rebuild has read as far as the live processor has handled. */
  private static boolean caughtUp(Rebuild rebuild, StreamingEventProcessor processor) {
    Long live = position(processor);
    Long reached = positionOf(rebuild.reached);
    return live == null || (reached != null && reached >= live);
  }

  /**
   * Whether the replaced and the new generation rest on the same events: the rebuild read all the
   * live processor had handled, and handled none beyond it. Events that this read model does not
   * handle do not count: a processor stores its token only now and then while it skips them, so the
   * stored token may lag behind events that changed nothing here.
   */
  private static boolean sameEvents(TrackingToken live, Rebuild rebuild) {
    if (live == null) {
      return rebuild.lastHandled == null;
    }
    return rebuild.reached != null
        && rebuild.reached.covers(live)
        && (rebuild.lastHandled == null || live.covers(rebuild.lastHandled));
  }

  private void logProgress(String name, Rebuild rebuild) {
    if (Duration.between(rebuild.lastLogged, clock.instant()).compareTo(logInterval) < 0) {
      return;
    }
    rebuild.lastLogged = clock.instant();
    RebuildProgress progress = progress(rebuild, head());
    log.info(
        "rebuild of {}: {}/{} events, {}/s, ETA {} s",
        name,
        progress.eventsDone(),
        progress.eventsTotal(),
        Math.round(progress.eventsPerSecond()),
        progress.etaSeconds());
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
        rebuild == null ? null : progress(rebuild, head));
  }

  /** Done and total as log positions; the total follows the head while the rebuild runs. */
  private RebuildProgress progress(Rebuild rebuild, Long head) {
    Long reached = positionOf(rebuild.reached);
    long done = reached == null ? 0 : reached + 1;
    long total =
        rebuild.finishedAt != null && !rebuild.failed
            ? done
            : Math.max(done, Math.max(rebuild.headAtStart, head == null ? -1 : head) + 1);
    Instant until = rebuild.finishedAt != null ? rebuild.finishedAt : clock.instant();
    double seconds =
        Math.max(0.001, Duration.between(rebuild.startedAt, until).toMillis() / 1000.0);
    double rate = done / seconds;
    Long eta =
        rebuild.finishedAt != null
            ? Long.valueOf(0)
            : rate > 0 ? Math.round((total - done) / rate) : null;
    String state = rebuild.finishedAt == null ? "running" : rebuild.failed ? "failed" : "done";
    return new RebuildProgress(
        state,
        rebuild.generation,
        rebuild.startedAt,
        rebuild.finishedAt,
        done,
        total,
        Math.round(rate * 10) / 10.0,
        eta,
        rebuild.before,
        rebuild.after,
        rebuild.equal,
        rebuild.error);
  }

  /** The lowest position the processor's segments have handled; null before any or when stopped. */
  private static Long position(StreamingEventProcessor processor) {
    return processor.processingStatus().values().stream()
        .map(EventTrackerStatus::getTrackingToken)
        .map(Processors::positionOf)
        .reduce((a, b) -> a == null || b == null ? null : Math.min(a, b))
        .orElse(null);
  }

  /**
   * The token of a stopped processor, claimed only to be read. Every segment of a rebuilt processor
   * resumes from the rebuild's one token, so one segment's token stands for all (the query side
   * runs one segment per processor).
   */
  private TrackingToken storedToken(String name) {
    TrackingToken lowest = null;
    for (int segment : tokenStore.fetchSegments(name)) {
      TrackingToken token = tokenStore.fetchToken(name, segment);
      tokenStore.releaseClaim(name, segment);
      TrackingToken current = token == null ? null : WrappedToken.unwrapLowerBound(token);
      if (lowest == null || (current != null && lowest.covers(current))) {
        lowest = current;
      }
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
    builders.shutdownNow();
  }

  /** One read model being rebuilt: its live processor, and the projection writing the new one. */
  private final class Build {
    final String name;
    final Rebuild rebuild;
    final ReadModel model;
    final StreamingEventProcessor processor;
    final CollectionNames target;
    ReadModelWriter writes;
    AnnotationEventHandlerAdapter projection;
    boolean paused;
    TrackingToken live;

    Build(String name, Rebuild rebuild) {
      this.name = name;
      this.rebuild = rebuild;
      this.model = readModels.get(name);
      this.processor = processor(name);
      this.target = CollectionNames.generation(rebuild.generation);
    }

    /** Clears what a rebuild that failed before may have left, then makes the new projection. */
    void prepare() {
      generations.drop(model.collections(), target);
      writes = ReadModelWriter.batched(mongo, target);
      projection = new AnnotationEventHandlerAdapter(model.projectionInto(writes), parameters);
    }

    /** The live processor had handled events this rebuild has not read yet. */
    boolean behindLive() {
      return live != null && (rebuild.reached == null || !rebuild.reached.covers(live));
    }
  }

  /** A rebuild in flight or ended; its mutable fields are written by its one builder thread. */
  private static final class Rebuild {
    final int generation;
    final Instant startedAt;
    final long headAtStart;
    volatile Instant lastLogged;
    volatile TrackingToken reached;
    volatile TrackingToken lastHandled;
    volatile RebuildProgress.Checksum before;
    volatile RebuildProgress.Checksum after;
    volatile Boolean equal;
    volatile String error;
    volatile boolean failed;
    volatile Instant finishedAt;

    Rebuild(int generation, Instant startedAt, long headAtStart) {
      this.generation = generation;
      this.startedAt = startedAt;
      this.headAtStart = headAtStart;
      this.lastLogged = startedAt;
    }
  }
}
