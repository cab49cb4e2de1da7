package io.fanzha.ledger.harness.bench;

import io.fanzha.ledger.harness.client.LedgerClient;
import io.fanzha.ledger.harness.client.LedgerResponse;
import io.fanzha.ledger.harness.workload.WorkItem;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * Requests sent at a fixed offered rate, whatever the answers' pace (an open loop): request {@code
 * i} is due at {@code start + i / rate}, and its latency is counted from that due time, not from
 * when it was actually sent, so a slow answer that holds up the ones behind it is counted against
 * each of them (no coordinated omission). Each of {@code workers} threads takes the next request,
 * waits until it is due and sends it; when every worker is busy a due request waits, and that wait
 * is part of its latency. How many were sent more than 10 ms after their due time is reported, so a
 * client that could not keep up is seen.
 */
final class OpenLoop {

  private static final long LATE_NANOS = 10_000_000;

  /**
   * @param latencyNanos sorted, from each request's due time to its answer
   * @param seconds from the first due time to the last answer
   * @param sentLate requests sent more than 10 ms after they were due
   */
  record Outcome(
      int requests,
      double offeredPerSecond,
      long accepted,
      long refused,
      long[] latencyNanos,
      double seconds,
      int workers,
      int maxInFlight,
      long sentLate,
      Map<String, Integer> refusals) {

    double achievedPerSecond() {
      return seconds == 0 ? 0 : (accepted + refused) / seconds;
    }
  }

  private OpenLoop() {}

  static Outcome run(LedgerClient command, List<WorkItem> items, double rate, int workers)
      throws Exception {
    int n = items.size();
    long interval = Math.round(1e9 / rate);
    int threads = Math.min(workers, n);
    long[] latencies = new long[n];
    AtomicInteger next = new AtomicInteger();
    AtomicInteger inFlight = new AtomicInteger();
    AtomicInteger maxInFlight = new AtomicInteger();
    AtomicLong accepted = new AtomicLong();
    AtomicLong refused = new AtomicLong();
    AtomicLong sentLate = new AtomicLong();
    AtomicLong lastAnswer = new AtomicLong();
    Map<String, Integer> refusals = new ConcurrentHashMap<>();
    Map<String, LedgerClient> clients = new ConcurrentHashMap<>();
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    // the workers are started before the first request is due
    long start = System.nanoTime() + 500_000_000L;
    try {
      List<Future<?>> futures = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        futures.add(
            pool.submit(
                () -> {
                  for (int i = next.getAndIncrement(); i < n; i = next.getAndIncrement()) {
                    WorkItem item = items.get(i);
                    LedgerClient as = clients.computeIfAbsent(item.user(), u -> command.as(u, u));
                    long due = start + i * interval;
                    for (long wait = due - System.nanoTime();
                        wait > 0;
                        wait = due - System.nanoTime()) {
                      LockSupport.parkNanos(wait);
                    }
                    if (System.nanoTime() - due > LATE_NANOS) {
                      sentLate.incrementAndGet();
                    }
                    maxInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
                    String outcome;
                    try {
                      LedgerResponse answer = as.post(item.path(), item.body());
                      outcome = answer.isSuccess() ? null : item.what() + " " + answer.status();
                    } catch (RuntimeException failed) {
                      outcome = item.what() + " " + failed.getClass().getSimpleName();
                    }
                    long answered = System.nanoTime();
                    inFlight.decrementAndGet();
                    latencies[i] = answered - due;
                    lastAnswer.accumulateAndGet(answered, Math::max);
                    if (outcome == null) {
                      accepted.incrementAndGet();
                    } else {
                      refused.incrementAndGet();
                      refusals.merge(outcome, 1, Integer::sum);
                    }
                  }
                  return null;
                }));
      }
      for (Future<?> future : futures) {
        future.get();
      }
    } finally {
      pool.shutdownNow();
    }
    Arrays.sort(latencies);
    return new Outcome(
        n,
        rate,
        accepted.get(),
        refused.get(),
        latencies,
        (lastAnswer.get() - start) / 1e9,
        threads,
        maxInFlight.get(),
        sentLate.get(),
        Map.copyOf(refusals));
  }
}
