package io.fanzha.ledger.harness.bench;

import com.fasterxml.jackson.databind.JsonNode;
import io.fanzha.ledger.harness.client.LedgerClient;
import io.fanzha.ledger.harness.client.LedgerResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A rebuild of every read model by the query side ({@code POST /api/admin/processors/all/rebuild}),
 * followed on {@code GET /api/admin/processors} until no processor's rebuild is {@code running} any
 * more ({@code done}, or {@code failed}). The query side rebuilds them together from one read of
 * the log; the wall time runs from the request until the last is seen finished (polled every 100
 * ms).
 */
final class Rebuild {

  private static final Logger log = LoggerFactory.getLogger(Rebuild.class);
  private static final Duration POLL = Duration.ofMillis(100);
  private static final Duration PROGRESS_EVERY = Duration.ofSeconds(10);

  /** One read model's rebuild as its processor reported it at the end. */
  record Model(
      String name,
      String state,
      long eventsDone,
      long eventsTotal,
      double eventsPerSecond,
      String equal) {}

  record Outcome(double seconds, List<Model> models) {

    long failed() {
      return models.stream().filter(m -> !"done".equals(m.state())).count();
    }
  }

  private Rebuild() {}

  /**
   * Waits until every processor has handled the whole log (lag 0), so that a rebuild is measured
   * alone rather than beside a live read model still catching up; answers the seconds it took.
   */
  static double awaitCaughtUp(LedgerClient admin, Duration timeout) throws InterruptedException {
    long begin = System.nanoTime();
    while (true) {
      LedgerResponse answer = admin.get("/api/admin/processors");
      if (!answer.isSuccess()) {
        throw new IllegalStateException("GET /api/admin/processors: " + answer);
      }
      boolean caughtUp = answer.body().size() > 0;
      for (JsonNode processor : answer.body()) {
        caughtUp &= processor.path("lag").isNumber() && processor.path("lag").asLong() <= 0;
      }
      double seconds = (System.nanoTime() - begin) / 1e9;
      if (caughtUp) {
        return seconds;
      }
      if (seconds > timeout.toSeconds()) {
        throw new IllegalStateException(
            "the processors did not catch up within " + timeout.toSeconds() + " s: " + answer);
      }
      Thread.sleep(POLL.toMillis());
    }
  }

  static Outcome run(LedgerClient admin, Duration timeout) throws InterruptedException {
    long begin = System.nanoTime();
    LedgerResponse started = admin.post("/api/admin/processors/all/rebuild", java.util.Map.of());
    if (!started.isSuccess()) {
      throw new IllegalStateException("POST /api/admin/processors/all/rebuild: " + started);
    }
    // the answer names the read models being rebuilt; other processors (the police lead outbox,
    // whose delivery state is not in the events) are never rebuilt
    Set<String> rebuilt = new HashSet<>();
    started.body().forEach(processor -> rebuilt.add(processor.path("name").asText()));
    log.info("rebuild of every read model requested: {}", rebuilt);
    long nextProgress = begin + PROGRESS_EVERY.toNanos();
    while (true) {
      LedgerResponse answer = admin.get("/api/admin/processors");
      long now = System.nanoTime();
      if (!answer.isSuccess()) {
        throw new IllegalStateException("GET /api/admin/processors: " + answer);
      }
      List<Model> models = new ArrayList<>();
      int running = 0;
      for (JsonNode processor : answer.body()) {
        if (!rebuilt.contains(processor.path("name").asText())) {
          continue;
        }
        JsonNode rebuild = processor.path("rebuild");
        // a processor without a rebuild yet has not started it: still to be waited for
        String state = rebuild.isObject() ? rebuild.path("state").asText() : "running";
        if ("running".equals(state)) {
          running++;
        }
        models.add(
            new Model(
                processor.path("name").asText(),
                state,
                rebuild.path("eventsDone").asLong(),
                rebuild.path("eventsTotal").asLong(),
                rebuild.path("eventsPerSecond").asDouble(),
                rebuild.path("equal").isMissingNode() ? "" : rebuild.path("equal").asText()));
      }
      if (running == 0 && models.size() == rebuilt.size()) {
        Outcome outcome = new Outcome((now - begin) / 1e9, models);
        log.info(
            "rebuild finished in {} s: {} read models, {} not done",
            String.format(java.util.Locale.ROOT, "%.2f", outcome.seconds()),
            models.size(),
            outcome.failed());
        return outcome;
      }
      if (now > nextProgress) {
        log.info("rebuild: {} of {} read models still running", running, models.size());
        nextProgress = now + PROGRESS_EVERY.toNanos();
      }
      if (now - begin > timeout.toNanos()) {
        throw new IllegalStateException(
            "the rebuild did not finish within " + timeout.toSeconds() + " s: " + models);
      }
      Thread.sleep(POLL.toMillis());
    }
  }
}
