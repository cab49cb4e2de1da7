package io.fanzha.ledger.harness.stack;

import com.fasterxml.jackson.databind.JsonNode;
import io.fanzha.ledger.harness.client.LedgerClient;
import io.fanzha.ledger.harness.client.LedgerResponse;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The whole system on the embedded default, as three processes: the embedded stores, then the
 * command side and the query side in parallel. Each runs {@code java -jar} on the JVM running this
 * class, from a private copy of its jar (so a rebuild cannot pull it away), and writes its output
 * to {@code <logDir>/<name>.log}. {@link #start} returns once both applications answer {@code GET
 * /actuator/health} with {@code UP}.
 *
 * <p>Used by {@code ./run} and by the end-to-end tests, which may kill one process and {@link
 * #restartCommandSide restart} it. {@link #stop} (or {@link #close}) stops the applications first,
 * then the stores; a JVM shutdown hook does the same if the caller never does.
 */
public final class LedgerStack implements AutoCloseable {

  public static final String STORES = "embedded-stores";
  public static final String COMMAND_SIDE = "command-side";
  public static final String QUERY_SIDE = "query-side";

  private static final Logger log = LoggerFactory.getLogger(LedgerStack.class);
  private static final Pattern STORES_READY =
      Pattern.compile("^stores-ready jdbc=(\\S+) mongo=(\\S+)\\s*$", Pattern.MULTILINE);
  private static final Pattern STORES_CONTROL =
      Pattern.compile("^stores-control port=(\\d+)\\s*$", Pattern.MULTILINE);
  private static final Duration STOP_GRACE = Duration.ofSeconds(10);
  private static final Duration POLL = Duration.ofMillis(100);

  private final StackOptions options;
  private final String java;
  private final Path jarDir;
  private final Path storesJar;
  private final Path commandJar;
  private final Path queryJar;
  private final int commandPort;
  private final int queryPort;
  private final Thread stopOnExit = new Thread(this::stopQuietly, "ledger-stack-stop");

  private StackProcess stores;
  private StackProcess commandSide;
  private StackProcess querySide;
  private final List<StackProcess> moreQuerySides = new ArrayList<>();
  private final List<Integer> moreQueryPorts = new ArrayList<>();
  private String jdbcUrl;
  private String mongoUri;
  private int controlPort;
  private Duration startUpTime;
  private volatile boolean stopped;

  private LedgerStack(StackOptions options) {
    this.options = options;
    this.java = ProcessHandle.current().info().command().orElse("java");
    Path root = options.repoRoot().toAbsolutePath().normalize();
    Path storesBuilt = findJar(root.resolve(STORES).resolve("target"), STORES + "-*-exec.jar");
    Path commandBuilt = findJar(root.resolve(COMMAND_SIDE).resolve("target"), "command-side.jar");
    Path queryBuilt = findJar(root.resolve(QUERY_SIDE).resolve("target"), "query-side.jar");
    // Run private copies: a rebuild while the stack runs would pull the jars from under the JVMs.
    this.jarDir = createTempDirectory();
    this.storesJar = copy(storesBuilt, jarDir);
    this.commandJar = copy(commandBuilt, jarDir);
    this.queryJar = copy(queryBuilt, jarDir);
    this.commandPort = portOrFree(options.commandPort());
    this.queryPort = portOrFree(options.queryPort());
  }

  /**
   * Starts the stores, then both applications, and waits until both are healthy.
   *
   * @throws IllegalStateException when a jar is missing, a fixed port is taken, a process dies or
   *     the timeout passes; whatever was started is stopped again
   */
  public static LedgerStack start(StackOptions options) {
    LedgerStack stack = new LedgerStack(options);
    try {
      stack.startAll();
      return stack;
    } catch (RuntimeException e) {
      stack.stopQuietly();
      throw e;
    }
  }

  private void startAll() {
    for (int port :
        List.of(
            options.h2Port(), options.mongoPort(), options.commandPort(), options.queryPort())) {
      if (port != 0 && !isFree(port)) {
        throw new IllegalStateException(
            "port " + port + " is in use: is another ledger (or something else) running?");
      }
    }
    Runtime.getRuntime().addShutdownHook(stopOnExit);
    long begin = System.nanoTime();
    startStores();
    commandSide = appProcess(COMMAND_SIDE, commandJar, commandPort);
    querySide = appProcess(QUERY_SIDE, queryJar, queryPort);
    log.info(
        "starting the command side on port {} and the query side on port {}",
        commandPort,
        queryPort);
    commandSide.start();
    querySide.start();
    awaitHealthy(List.of(commandSide, querySide));
    startUpTime = Duration.ofNanos(System.nanoTime() - begin);
    log.info(
        "stack healthy in {} ms (command side {}, query side {})",
        startUpTime.toMillis(),
        commandUrl(),
        queryUrl());
  }

  private void startStores() {
    List<String> command = new ArrayList<>();
    command.add(java);
    command.addAll(options.storesJvmFlags());
    command.add("-Dfile.encoding=UTF-8");
    command.add("-jar");
    command.add(storesJar.toString());
    if (options.dataDir() != null) {
      command.add("--data=" + options.dataDir().toAbsolutePath().normalize());
    }
    command.add("--h2-port=" + options.h2Port());
    command.add("--mongo-port=" + options.mongoPort());
    if (options.storesControl()) {
      command.add("--control-port=0");
    }
    stores = new StackProcess(STORES, command, environment(), logFile(STORES));
    log.info(
        "starting the embedded stores ({})",
        options.inMemory() ? "in memory" : "data in " + options.dataDir().toAbsolutePath());
    long offset = stores.start();
    long deadline = System.nanoTime() + options.healthTimeout().toNanos();
    while (true) {
      Matcher ready = STORES_READY.matcher(readFrom(stores.logFile(), offset));
      if (ready.find()) {
        Matcher control = STORES_CONTROL.matcher(readFrom(stores.logFile(), offset));
        controlPort = control.find() ? Integer.parseInt(control.group(1)) : 0;
        jdbcUrl = ready.group(1);
        mongoUri = ready.group(2);
        log.info("stores ready: event store {}, read models {}", jdbcUrl, mongoUri);
        return;
      }
      if (!stores.isAlive()) {
        throw new IllegalStateException(
            "the embedded stores exited with code "
                + stores.process().exitValue()
                + "; last lines of "
                + stores.logFile()
                + ":\n"
                + stores.tail(30));
      }
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException(
            "the embedded stores were not ready within "
                + options.healthTimeout().toSeconds()
                + " s");
      }
      sleep(POLL);
    }
  }

  private StackProcess appProcess(String name, Path jar, int port) {
    List<String> command = new ArrayList<>();
    command.add(java);
    command.addAll(options.appJvmFlags());
    command.add("-Dfile.encoding=UTF-8");
    command.add("-jar");
    command.add(jar.toString());
    command.add("--server.port=" + port);
    command.add("--spring.datasource.url=" + jdbcUrl);
    command.add("--spring.data.mongodb.uri=" + mongoUri);
    command.add("--spring.output.ansi.enabled=never");
    if (!options.profiles().isEmpty()) {
      command.add("--spring.profiles.active=" + String.join(",", options.profiles()));
    }
    command.addAll(options.appArgs());
    return new StackProcess(name, command, environment(), logFile(name));
  }

  private Map<String, String> environment() {
    Map<String, String> env = new LinkedHashMap<>();
    env.put("AXONIQ_UPDATE_CHECKER_DISABLED", "true");
    return env;
  }

  /** Where the process {@code name} ({@link #STORES}, {@link #COMMAND_SIDE}, …) writes. */
  public Path logFile(String name) {
    return options.logDir().toAbsolutePath().resolve(name + ".log");
  }

  private void awaitHealthy(List<StackProcess> apps) {
    long deadline = System.nanoTime() + options.healthTimeout().toNanos();
    List<StackProcess> waiting = new ArrayList<>(apps);
    while (!waiting.isEmpty()) {
      for (StackProcess app : List.copyOf(waiting)) {
        if (!app.isAlive()) {
          throw new IllegalStateException(
              "the "
                  + app.name()
                  + " exited with code "
                  + app.process().exitValue()
                  + " during start-up; last lines of "
                  + app.logFile()
                  + ":\n"
                  + app.tail(40));
        }
        if (isHealthy(urlOf(app))) {
          log.info("{} healthy", app.name());
          waiting.remove(app);
        }
      }
      if (!waiting.isEmpty()) {
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException(
              waiting.stream().map(StackProcess::name).toList()
                  + " not healthy within "
                  + options.healthTimeout().toSeconds()
                  + " s; see "
                  + options.logDir().toAbsolutePath());
        }
        sleep(POLL);
      }
    }
  }

  private static boolean isHealthy(URI app) {
    try {
      LedgerResponse health =
          LedgerClient.of(app).withTimeout(Duration.ofSeconds(2)).get("/actuator/health");
      JsonNode status = health.body().path("status");
      return health.status() == 200 && "UP".equals(status.asText());
    } catch (RuntimeException notYet) {
      return false;
    }
  }

  private URI urlOf(StackProcess app) {
    int extra = moreQuerySides.indexOf(app);
    if (extra >= 0) {
      return extraQueryUrl(extra + 1);
    }
    return app == commandSide ? commandUrl() : queryUrl();
  }

  public URI commandUrl() {
    return URI.create("http://localhost:" + commandPort);
  }

  public URI queryUrl() {
    return URI.create("http://localhost:" + queryPort);
  }

  /** The event store's JDBC URL as the stores announced it (user {@code sa}, no password). */
  public String jdbcUrl() {
    return jdbcUrl;
  }

  public String mongoUri() {
    return mongoUri;
  }

  public StackOptions options() {
    return options;
  }

  /** From launching the stores until both applications were healthy. */
  public Duration startUpTime() {
    return startUpTime;
  }

  /** True once {@link #stop} has begun, e.g. from the shutdown hook on Ctrl-C. */
  public boolean isStopping() {
    return stopped;
  }

  /** The process {@code name}: {@link #STORES}, {@link #COMMAND_SIDE} or {@link #QUERY_SIDE}. */
  public Process process(String name) {
    return switch (name) {
      case STORES -> stores.process();
      case COMMAND_SIDE -> commandSide.process();
      case QUERY_SIDE -> querySide.process();
      default -> throw new IllegalArgumentException("no process " + name);
    };
  }

  public Process storesProcess() {
    return stores.process();
  }

  public Process commandProcess() {
    return commandSide.process();
  }

  public Process queryProcess() {
    return querySide.process();
  }

  /** Stops the command side if it still runs (or was killed), starts it again, waits for health. */
  public Duration restartCommandSide() {
    return restart(commandSide);
  }

  /** Stops the query side if it still runs (or was killed), starts it again, waits for health. */
  public Duration restartQuerySide() {
    return restart(querySide);
  }

  /**
   * Starts another query-side instance on the same stores, on a free port, as a scaled-out
   * deployment runs them, and waits until it is healthy. Stopped with the stack.
   *
   * @return its number, for {@link #extraQueryUrl} and {@link #killExtraQuerySide}
   */
  public synchronized int startExtraQuerySide() {
    int port = freePort();
    int number = moreQuerySides.size() + 1;
    StackProcess app = appProcess(QUERY_SIDE + "-" + (number + 1), queryJar, port);
    moreQuerySides.add(app);
    moreQueryPorts.add(port);
    log.info("starting query side instance {} on port {}", number + 1, port);
    app.start();
    awaitHealthy(List.of(app));
    return number;
  }

  public URI extraQueryUrl(int number) {
    return URI.create("http://localhost:" + moreQueryPorts.get(number - 1));
  }

  public Process extraQueryProcess(int number) {
    return moreQuerySides.get(number - 1).process();
  }

  /** Kills an extra query-side instance with SIGKILL, as a crash would. */
  public void killExtraQuerySide(int number) {
    log.info("killing query side instance {}", number + 1);
    moreQuerySides.get(number - 1).kill();
  }

  /** Stops the event store's server alone, as an outage would (needs the stores' control). */
  public void stopEventStore() {
    control("stop event-store");
  }

  /** Starts the event store's server again, on its port, with its data. */
  public void startEventStore() {
    control("start event-store");
  }

  /** Stops the MongoDB stand-in alone, as an outage would (needs the stores' control). */
  public void stopMongo() {
    control("stop mongo");
  }

  /** Starts the MongoDB stand-in again, on its port, with its data. */
  public void startMongo() {
    control("start mongo");
  }

  private void control(String command) {
    if (controlPort == 0) {
      throw new IllegalStateException("the stores were started without their control port");
    }
    try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), controlPort);
        var out = new PrintWriter(socket.getOutputStream(), true, StandardCharsets.UTF_8);
        var in =
            new BufferedReader(
                new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8))) {
      socket.setSoTimeout(30_000);
      out.println(command);
      String answer = in.readLine();
      if (!"ok".equals(answer)) {
        throw new IllegalStateException(command + ": " + answer);
      }
      log.info("stores: {}", command);
    } catch (IOException e) {
      throw new UncheckedIOException(command + " failed", e);
    }
  }

  /** Kills the command side with SIGKILL, as a crash would. */
  public void killCommandSide() {
    log.info("killing the command side");
    commandSide.kill();
  }

  /** Kills the query side with SIGKILL, as a crash would. */
  public void killQuerySide() {
    log.info("killing the query side");
    querySide.kill();
  }

  private Duration restart(StackProcess app) {
    long begin = System.nanoTime();
    log.info("restarting the {}", app.name());
    app.stop(STOP_GRACE);
    app.start();
    awaitHealthy(List.of(app));
    Duration took = Duration.ofNanos(System.nanoTime() - begin);
    log.info("{} restarted in {} ms", app.name(), took.toMillis());
    return took;
  }

  /**
   * Stops both applications (in parallel), then the stores: SIGTERM to each process tree, SIGKILL
   * after 10 s. Calling it again does nothing.
   */
  public synchronized void stop() {
    if (stopped) {
      return;
    }
    stopped = true;
    try {
      Runtime.getRuntime().removeShutdownHook(stopOnExit);
    } catch (IllegalStateException | IllegalArgumentException shuttingDownOrNeverAdded) {
      // the hook is running this very method, or start failed before adding it
    }
    stopAll();
  }

  private void stopAll() {
    log.info("stopping the applications");
    CompletableFuture<Void> command = stopAsync(commandSide);
    CompletableFuture<Void> query = stopAsync(querySide);
    List<CompletableFuture<Void>> stopping = new ArrayList<>(List.of(command, query));
    moreQuerySides.forEach(app -> stopping.add(stopAsync(app)));
    CompletableFuture.allOf(stopping.toArray(CompletableFuture[]::new)).join();
    if (stores != null) {
      log.info("stopping the embedded stores");
      stores.stop(STOP_GRACE);
    }
    deleteJars();
    log.info("stopped");
  }

  private static CompletableFuture<Void> stopAsync(StackProcess app) {
    if (app == null) {
      return CompletableFuture.completedFuture(null);
    }
    return CompletableFuture.runAsync(() -> app.stop(STOP_GRACE));
  }

  private void stopQuietly() {
    try {
      stop();
    } catch (RuntimeException e) {
      log.warn("stopping the stack failed: {}", e.toString());
    }
  }

  @Override
  public void close() {
    stop();
  }

  /** A port that was free a moment ago, chosen by the system. */
  public static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      socket.setReuseAddress(true);
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException("no free port", e);
    }
  }

  private static int portOrFree(int port) {
    return port == 0 ? freePort() : port;
  }

  private static boolean isFree(int port) {
    try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getByName("0.0.0.0"))) {
      socket.setReuseAddress(true);
      return true;
    } catch (IOException taken) {
      return false;
    }
  }

  private static Path findJar(Path dir, String glob) {
    if (Files.isDirectory(dir)) {
      try (DirectoryStream<Path> jars = Files.newDirectoryStream(dir, glob)) {
        for (Path jar : jars) {
          return jar;
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    throw new IllegalStateException(
        "no "
            + glob
            + " in "
            + dir
            + ": build first (./mvnw -B -DskipTests install at the repository root)");
  }

  private static Path createTempDirectory() {
    try {
      return Files.createTempDirectory("fanzha-stack-");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Path copy(Path jar, Path dir) {
    try {
      return Files.copy(jar, dir.resolve(jar.getFileName()));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot copy " + jar, e);
    }
  }

  private void deleteJars() {
    try (DirectoryStream<Path> jars = Files.newDirectoryStream(jarDir)) {
      for (Path jar : jars) {
        Files.deleteIfExists(jar);
      }
      Files.deleteIfExists(jarDir);
    } catch (IOException e) {
      log.warn("could not delete {}: {}", jarDir, e.toString());
    }
  }

  private static String readFrom(Path file, long offset) {
    try (RandomAccessFile in = new RandomAccessFile(file.toFile(), "r")) {
      long length = in.length();
      if (length <= offset) {
        return "";
      }
      byte[] bytes = new byte[(int) Math.min(length - offset, 1 << 20)];
      in.seek(offset);
      in.readFully(bytes);
      return new String(bytes, StandardCharsets.UTF_8);
    } catch (IOException e) {
      return "";
    }
  }

  private static void sleep(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for the stack", e);
    }
  }
}
