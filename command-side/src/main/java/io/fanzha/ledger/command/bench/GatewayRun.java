package io.fanzha.ledger.command.bench;

import java.util.Arrays;
import java.util.Map;

/**
 * What one in-process run answers: how many commands were asked for and how many were dispatched
 * (the others were refused before dispatch: unknown path, bad credentials, forbidden, invalid), how
 * many the gateway accepted and refused, the wall time of the dispatch alone, and each dispatched
 * command's latency in microseconds, so that runs can be combined by the caller.
 *
 * @param refusals refusals by reason (a problem type such as {@code rule-broken}, or the
 *     exception's class), before and during dispatch together
 */
public record GatewayRun(
    int commands,
    int threads,
    int dispatched,
    long accepted,
    long refused,
    Map<String, Integer> refusals,
    double elapsedMs,
    double commandsPerSecond,
    double p50Ms,
    double p99Ms,
    double p999Ms,
    long[] latenciesMicros) {

  /** The figures of a run from its raw latencies (nanoseconds) and its wall time. */
  public static GatewayRun of(
      int commands,
      int threads,
      long accepted,
      long refused,
      Map<String, Integer> refusals,
      long elapsedNanos,
      long[] latencyNanos) {
    long[] sorted = latencyNanos.clone();
    Arrays.sort(sorted);
    double seconds = elapsedNanos / 1e9;
    return new GatewayRun(
        commands,
        threads,
        latencyNanos.length,
        accepted,
        refused,
        Map.copyOf(refusals),
        elapsedNanos / 1e6,
        seconds == 0 ? 0 : latencyNanos.length / seconds,
        percentile(sorted, 50) / 1e6,
        percentile(sorted, 99) / 1e6,
        percentile(sorted, 99.9) / 1e6,
        Arrays.stream(latencyNanos).map(n -> n / 1000).toArray());
  }

  /** Nearest rank, as the bench computes its HTTP percentiles. */
  static long percentile(long[] sorted, double p) {
    if (sorted.length == 0) {
      return 0;
    }
    int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
  }
}
