package io.fanzha.ledger.harness.stack;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One process of the stack: how to start it, where its output goes (appended, so a restart keeps
 * what the previous run wrote) and how to stop it with its whole process tree.
 */
final class StackProcess {

  private static final Logger log = LoggerFactory.getLogger(StackProcess.class);
  private static final Path SETSID = Path.of("/usr/bin/setsid");

  private final String name;
  private final List<String> command;
  private final Map<String, String> environment;
  private final Path logFile;
  private volatile Process process;

  StackProcess(String name, List<String> command, Map<String, String> environment, Path logFile) {
    this.name = name;
    this.command = List.copyOf(command);
    this.environment = Map.copyOf(environment);
    this.logFile = logFile;
  }

  String name() {
    return name;
  }

  Path logFile() {
    return logFile;
  }

  Process process() {
    return process;
  }

  boolean isAlive() {
    Process p = process;
    return p != null && p.isAlive();
  }

  /**
   * Starts the process; answers the length of its log file before the start, so that a caller can
   * read only what this run writes.
   */
  long start() {
    if (isAlive()) {
      throw new IllegalStateException(name + " is running already");
    }
    List<String> line = new ArrayList<>();
    // A session of its own: Ctrl-C in the terminal reaches the launcher only, which then stops
    // the applications before the stores instead of all at once.
    if (Files.isExecutable(SETSID)) {
      line.add(SETSID.toString());
    }
    line.addAll(command);
    try {
      Files.createDirectories(logFile.getParent());
      long offset = Files.exists(logFile) ? Files.size(logFile) : 0;
      String banner = "---- " + Instant.now() + " starting " + name + "\n";
      Files.writeString(
          logFile,
          banner,
          StandardCharsets.UTF_8,
          StandardOpenOption.CREATE,
          StandardOpenOption.APPEND);
      ProcessBuilder builder =
          new ProcessBuilder(line)
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
              .redirectInput(ProcessBuilder.Redirect.from(devNull()));
      builder.environment().putAll(environment);
      process = builder.start();
      log.debug("{} started as pid {}: {}", name, process.pid(), command);
      return offset + banner.getBytes(StandardCharsets.UTF_8).length;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start " + name, e);
    }
  }

  /**
   * Asks the process tree to stop (SIGTERM), waits up to {@code grace}, then kills what is left.
   * Answers the exit code, or {@code null} when nothing was running.
   */
  Integer stop(Duration grace) {
    Process p = process;
    if (p == null) {
      return null;
    }
    List<ProcessHandle> tree = new ArrayList<>(p.descendants().toList());
    if (p.isAlive()) {
      tree.forEach(ProcessHandle::destroy);
      p.destroy();
    }
    try {
      if (!p.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
        log.warn("{} did not stop within {} s; killing it", name, grace.toSeconds());
        p.destroyForcibly();
        p.waitFor(5, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      p.destroyForcibly();
    }
    tree.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
    return p.isAlive() ? null : p.exitValue();
  }

  /** Kills the process at once (SIGKILL), as a crash would. */
  void kill() {
    Process p = process;
    if (p != null) {
      p.descendants().forEach(ProcessHandle::destroyForcibly);
      p.destroyForcibly();
      try {
        p.waitFor(10, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  /** The last lines of the log file, for an error message. */
  String tail(int lines) {
    try {
      List<String> all = Files.readAllLines(logFile, StandardCharsets.UTF_8);
      return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
    } catch (IOException | UncheckedIOException e) {
      return "(no log: " + e.getMessage() + ")";
    }
  }

  private static File devNull() {
    return new File(System.getProperty("os.name").startsWith("Windows") ? "NUL" : "/dev/null");
  }
}
