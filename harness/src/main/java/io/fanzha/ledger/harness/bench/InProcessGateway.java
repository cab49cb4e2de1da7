package io.fanzha.ledger.harness.bench;

import com.fasterxml.jackson.databind.JsonNode;
import io.fanzha.ledger.harness.client.LedgerClient;
import io.fanzha.ledger.harness.client.LedgerResponse;
import io.fanzha.ledger.harness.workload.WorkItem;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Sends phases of the workload to the command side's {@code POST /admin/bench/gateway} (profile
 * {@code bench}), which carries the requests out in process through the controllers and the command
 * gateway on the given number of threads and answers the dispatch time and each command's latency.
 * Uploads are not carried in process; they are counted as skipped.
 */
final class InProcessGateway {

  /** At most this many requests per call: a phase of a large year is sent in parts. */
  static final int PART = 5_000;

  /** One phase (or part of one) as the command side measured it. */
  record Run(
      long dispatched,
      long accepted,
      long refused,
      long skipped,
      long elapsedNanos,
      long[] latencyNanos,
      Map<String, Integer> refusals) {}

  private final LedgerClient street;

  InProcessGateway(LedgerClient street) {
    this.street = street;
  }

  Run send(List<WorkItem> phase, int threads) {
    List<WorkItem> json = phase.stream().filter(item -> !item.isUpload()).toList();
    long skipped = phase.size() - json.size();
    long accepted = 0;
    long refused = 0;
    long dispatched = 0;
    long elapsed = 0;
    List<long[]> latencies = new ArrayList<>();
    Map<String, Integer> refusals = new LinkedHashMap<>();
    for (int from = 0; from < json.size(); from += PART) {
      List<WorkItem> part = json.subList(from, Math.min(json.size(), from + PART));
      LedgerResponse answer = street.post("/admin/bench/gateway", request(part, threads));
      if (answer.status() != 200) {
        throw new IllegalStateException("POST /admin/bench/gateway: " + answer);
      }
      JsonNode run = answer.body();
      accepted += run.path("accepted").asLong();
      refused += run.path("refused").asLong();
      dispatched += run.path("dispatched").asLong();
      elapsed += Math.round(run.path("elapsedMs").asDouble() * 1e6);
      JsonNode micros = run.path("latenciesMicros");
      long[] nanos = new long[micros.size()];
      for (int i = 0; i < nanos.length; i++) {
        nanos[i] = micros.get(i).asLong() * 1000;
      }
      latencies.add(nanos);
      for (Iterator<Map.Entry<String, JsonNode>> it = run.path("refusals").fields();
          it.hasNext(); ) {
        Map.Entry<String, JsonNode> reason = it.next();
        refusals.merge(reason.getKey(), reason.getValue().asInt(), Integer::sum);
      }
    }
    long[] all = latencies.stream().flatMapToLong(java.util.Arrays::stream).toArray();
    return new Run(dispatched, accepted, refused, skipped, elapsed, all, refusals);
  }

  /** The users' passwords are their names (see WorkItem); they are checked once per call. */
  private static Map<String, Object> request(List<WorkItem> part, int threads) {
    Map<String, String> credentials = new LinkedHashMap<>();
    List<Map<String, Object>> commands = new ArrayList<>(part.size());
    for (WorkItem item : part) {
      credentials.put(item.user(), item.user());
      commands.add(Map.of("user", item.user(), "path", item.path(), "body", item.body()));
    }
    Map<String, Object> request = new LinkedHashMap<>();
    request.put("threads", threads);
    request.put("credentials", credentials);
    request.put("commands", commands);
    return request;
  }
}
