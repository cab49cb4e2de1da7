package io.fanzha.ledger.harness.endtoend;

import static org.awaitility.Awaitility.await;

import io.fanzha.ledger.harness.client.AuditTrail;
import io.fanzha.ledger.harness.stack.LedgerStack;
import io.fanzha.ledger.harness.stack.StackOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;

/** Stacks for the end-to-end tests: on free ports, logs under {@code target/stack-logs/<test>}. */
final class TestStacks {

  private TestStacks() {}

  static LedgerStack inMemory(Class<?> test) {
    return LedgerStack.start(StackOptions.inMemory(repoRoot(), logDir(test)));
  }

  static LedgerStack persistent(Class<?> test, Path dataDir) {
    return LedgerStack.start(StackOptions.persistent(repoRoot(), dataDir, logDir(test)));
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

  /** The audit total once it has not changed for a second (the projections have caught up). */
  static long settledAuditTotal(AuditTrail audit) {
    long[] last = {-1};
    await()
        .atMost(Duration.ofSeconds(20))
        .pollInterval(Duration.ofMillis(500))
        .pollDelay(Duration.ZERO)
        .until(
            () -> {
              long now = audit.total();
              boolean settled = now == last[0];
              last[0] = now;
              return settled;
            });
    return last[0];
  }

  /** A short id unique to one test run, usable in ids and user names. */
  static String unique() {
    return UUID.randomUUID().toString().replace("-", "").substring(0, 10);
  }
}
