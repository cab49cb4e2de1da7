package io.fanzha.ledger.harness.endtoend;

import static org.awaitility.Awaitility.await;

import io.fanzha.ledger.harness.client.AuditTrail;
import io.fanzha.ledger.harness.client.LedgerClient;
import io.fanzha.ledger.harness.stack.LedgerStack;
import io.fanzha.ledger.harness.stack.StackOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

/** Stacks for the end-to-end tests: on free ports, logs under {@code target/stack-logs/<test>}. */
final class TestStacks {

  private TestStacks() {}

  static LedgerStack inMemory(Class<?> test) {
    return withDemoAccounts(
        LedgerStack.start(withoutPoliceQueue(StackOptions.inMemory(repoRoot(), logDir(test)))));
  }

  /**
   * In memory with profile {@code sim}: the command side's clock stands still until {@code PUT
   * /admin/clock} moves it.
   */
  static LedgerStack simulated(Class<?> test) {
    return withDemoAccounts(
        LedgerStack.start(
            withoutPoliceQueue(
                StackOptions.inMemory(repoRoot(), logDir(test)).withProfile("sim"))));
  }

  static LedgerStack persistent(Class<?> test, Path dataDir) {
    return withDemoAccounts(
        LedgerStack.start(
            withoutPoliceQueue(StackOptions.persistent(repoRoot(), dataDir, logDir(test)))));
  }

  /**
   * The end-to-end tests send no leads to the RabbitMQ on this machine (its default queue is a real
   * police feed's); the query side's own tests cover delivery, on queues of their own.
   */
  private static StackOptions withoutPoliceQueue(StackOptions options) {
    List<String> flags = new ArrayList<>(options.appJvmFlags());
    flags.add("-Dfanzha.police-feed.enabled=false");
    return options.withAppJvmFlags(flags);
  }

  /** The command side opens the demo accounts just after it reports healthy: wait for them. */
  private static LedgerStack withDemoAccounts(LedgerStack stack) {
    LedgerClient.awaitLogin(
        LedgerClient.of(stack.commandUrl()).as("street", "street"), Duration.ofSeconds(30));
    LedgerClient.awaitLogin(
        LedgerClient.of(stack.queryUrl()).as("auditor", "auditor"), Duration.ofSeconds(30));
    return stack;
  }

  static Path logDir(Class<?> test) {
    return moduleDir().resolve("target").resolve("stack-logs").resolve(test.getSimpleName());
  }

  /** The repository root: the parent of the harness module, where the tests run. */
  static Path repoRoot() {
    return moduleDir().getParent();
  }

  private static Path moduleDir() {
    Path here = Path.of(System.getProperty("basedir", "")).toAbsolutePath().normalize();
    if (Files.isDirectory(here.resolve("harness"))) {
      return here.resolve("harness");
    }
    return here;
  }

  /**
   * How long the audit total must stand still to count as settled: longer than the command side's
   * deadline sweep period (5 s) plus the query side's lag, so facts the system records on its own
   * (demo accounts opened at start, deadlines that fall due) are in.
   */
  static final Duration SETTLED = Duration.ofSeconds(6);

  /** The audit total once it has not changed for {@link #SETTLED}. */
  static long settledAuditTotal(AuditTrail audit) {
    return settled(audit::total, SETTLED);
  }

  /** How many entries requests caused, once that has not changed for two seconds. */
  static long settledRequestCaused(AuditTrail audit) {
    return settled(() -> requestCaused(audit), Duration.ofSeconds(2));
  }

  /**
   * How many entries of the trail a request caused (they carry its id); the deadline sweep's own
   * entries carry none.
   */
  static long requestCaused(AuditTrail audit) {
    return audit.entries(Map.of()).stream()
        .filter(entry -> !entry.path("requestId").asText("").isEmpty())
        .count();
  }

  private static long settled(Supplier<Long> count, Duration window) {
    long[] last = {-1, System.nanoTime()};
    await()
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(250))
        .pollDelay(Duration.ZERO)
        .until(
            () -> {
              long now = count.get();
              if (now != last[0]) {
                last[0] = now;
                last[1] = System.nanoTime();
              }
              return System.nanoTime() - last[1] >= window.toNanos();
            });
    return last[0];
  }

  /** A short id unique to one test run, usable in ids and user names. */
  static String unique() {
    return UUID.randomUUID().toString().replace("-", "").substring(0, 10);
  }
}
