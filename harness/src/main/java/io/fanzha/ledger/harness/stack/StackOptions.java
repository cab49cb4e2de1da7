package io.fanzha.ledger.harness.stack;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * How to start a {@link LedgerStack}. A port of 0 means a free port chosen at start. Build one with
 * {@link #inMemory} or {@link #persistent} and the {@code with…} methods.
 *
 * @param repoRoot the repository root, where the applications' jars are found under {@code
 *     <module>/target}
 * @param dataDir where the stores keep their data, or {@code null} to keep it in memory
 * @param logDir where each process writes {@code <name>.log}
 * @param profiles Spring profiles for both applications, besides their defaults
 * @param appJvmFlags JVM flags for the command and the query side
 * @param storesJvmFlags JVM flags for the embedded stores
 * @param healthTimeout how long to wait for the stores and for both applications to be healthy
 * @param appArgs further {@code --name=value} arguments for both applications
 * @param storesControl whether the stores open their control port, so that {@link
 *     LedgerStack#stopEventStore} and the like can stop one store alone (outage tests)
 */
public record StackOptions(
    Path repoRoot,
    Path dataDir,
    Path logDir,
    int h2Port,
    int mongoPort,
    int commandPort,
    int queryPort,
    List<String> profiles,
    List<String> appJvmFlags,
    List<String> storesJvmFlags,
    Duration healthTimeout,
    List<String> appArgs,
    boolean storesControl) {

  /**
   * Small heaps, the serial collector and the C1 compiler only. On two cores the stack (stores and
   * both applications, started until healthy) took a median 8.1 s with these flags against 14.7 s
   * with the JVM defaults (4 runs each; on a busy machine 12.7 s against 25.4 s, and 18.9 s with
   * the small heap but full JIT). The embedded default needs no peak throughput.
   */
  public static final List<String> SMALL_APP_JVM =
      List.of("-Xmx384m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1");

  /** The same small heap and collector with the full JIT, for measuring steady throughput. */
  public static final List<String> APP_JVM = List.of("-Xmx384m", "-XX:+UseSerialGC");

  /** The stores serve both applications and keep the in-memory read models: full JIT. */
  public static final List<String> STORES_JVM = List.of("-Xmx512m", "-XX:+UseSerialGC");

  public static final Duration DEFAULT_HEALTH_TIMEOUT = Duration.ofSeconds(120);

  public StackOptions {
    Objects.requireNonNull(repoRoot, "repoRoot");
    Objects.requireNonNull(logDir, "logDir");
    profiles = List.copyOf(profiles);
    appJvmFlags = List.copyOf(appJvmFlags);
    storesJvmFlags = List.copyOf(storesJvmFlags);
    Objects.requireNonNull(healthTimeout, "healthTimeout");
    appArgs = List.copyOf(appArgs);
  }

  /** In-memory stores, every port free, logs under {@code logDir}. */
  public static StackOptions inMemory(Path repoRoot, Path logDir) {
    return new StackOptions(
        repoRoot,
        null,
        logDir,
        0,
        0,
        0,
        0,
        List.of(),
        SMALL_APP_JVM,
        STORES_JVM,
        DEFAULT_HEALTH_TIMEOUT,
        List.of(),
        false);
  }

  /** The same options, with the stores' control port open (outage tests). */
  public StackOptions withStoresControl() {
    return new StackOptions(
        repoRoot,
        dataDir,
        logDir,
        h2Port,
        mongoPort,
        commandPort,
        queryPort,
        profiles,
        appJvmFlags,
        storesJvmFlags,
        healthTimeout,
        appArgs,
        true);
  }

  /** Stores on disk under {@code dataDir}, every port free, logs under {@code logDir}. */
  public static StackOptions persistent(Path repoRoot, Path dataDir, Path logDir) {
    return inMemory(repoRoot, logDir).withDataDir(dataDir);
  }

  public StackOptions withDataDir(Path dataDir) {
    return new StackOptions(
        repoRoot,
        dataDir,
        logDir,
        h2Port,
        mongoPort,
        commandPort,
        queryPort,
        profiles,
        appJvmFlags,
        storesJvmFlags,
        healthTimeout,
        appArgs,
        storesControl);
  }

  public StackOptions withLogDir(Path logDir) {
    return new StackOptions(
        repoRoot,
        dataDir,
        logDir,
        h2Port,
        mongoPort,
        commandPort,
        queryPort,
        profiles,
        appJvmFlags,
        storesJvmFlags,
        healthTimeout,
        appArgs,
        storesControl);
  }

  /** Fixed ports: the event store (H2), MongoDB, the command side and the query side. */
  public StackOptions withPorts(int h2Port, int mongoPort, int commandPort, int queryPort) {
    return new StackOptions(
        repoRoot,
        dataDir,
        logDir,
        h2Port,
        mongoPort,
        commandPort,
        queryPort,
        profiles,
        appJvmFlags,
        storesJvmFlags,
        healthTimeout,
        appArgs,
        storesControl);
  }

  public StackOptions withProfile(String profile) {
    List<String> more = new ArrayList<>(profiles);
    if (!more.contains(profile)) {
      more.add(profile);
    }
    return new StackOptions(
        repoRoot,
        dataDir,
        logDir,
        h2Port,
        mongoPort,
        commandPort,
        queryPort,
        more,
        appJvmFlags,
        storesJvmFlags,
        healthTimeout,
        appArgs,
        storesControl);
  }

  public StackOptions withAppJvmFlags(List<String> appJvmFlags) {
    return new StackOptions(
        repoRoot,
        dataDir,
        logDir,
        h2Port,
        mongoPort,
        commandPort,
        queryPort,
        profiles,
        appJvmFlags,
        storesJvmFlags,
        healthTimeout,
        appArgs,
        storesControl);
  }

  public StackOptions withStoresJvmFlags(List<String> storesJvmFlags) {
    return new StackOptions(
        repoRoot,
        dataDir,
        logDir,
        h2Port,
        mongoPort,
        commandPort,
        queryPort,
        profiles,
        appJvmFlags,
        storesJvmFlags,
        healthTimeout,
        appArgs,
        storesControl);
  }

  public StackOptions withHealthTimeout(Duration healthTimeout) {
    return new StackOptions(
        repoRoot,
        dataDir,
        logDir,
        h2Port,
        mongoPort,
        commandPort,
        queryPort,
        profiles,
        appJvmFlags,
        storesJvmFlags,
        healthTimeout,
        appArgs,
        storesControl);
  }

  /** Adds {@code --name=value} arguments for both applications, e.g. an identity provider. */
  public StackOptions withAppArgs(List<String> more) {
    List<String> args = new ArrayList<>(appArgs);
    args.addAll(more);
    return new StackOptions(
        repoRoot,
        dataDir,
        logDir,
        h2Port,
        mongoPort,
        commandPort,
        queryPort,
        profiles,
        appJvmFlags,
        storesJvmFlags,
        healthTimeout,
        args,
        storesControl);
  }

  public boolean inMemory() {
    return dataDir == null;
  }
}
