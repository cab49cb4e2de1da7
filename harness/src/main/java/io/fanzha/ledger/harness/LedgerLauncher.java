package io.fanzha.ledger.harness;

import io.fanzha.ledger.harness.client.AuditTrail;
import io.fanzha.ledger.harness.client.LedgerClient;
import io.fanzha.ledger.harness.demo.DemoYear;
import io.fanzha.ledger.harness.demo.DemoYear.Loaded;
import io.fanzha.ledger.harness.demo.StreetPlan.Account;
import io.fanzha.ledger.harness.stack.LedgerStack;
import io.fanzha.ledger.harness.stack.StackOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The program behind {@code ./run}: {@code run [--demo] [--sim] [--data=DIR]} starts the whole
 * system on the embedded default (stores on 9092 and 27017, command side on 8080, query side on
 * 8081, data under {@code ./data}), prints where it answers and who may log in, optionally loads
 * the {@link DemoYear} on the simulation clock, and stops everything on Ctrl-C.
 */
public final class LedgerLauncher {

  private static final Logger log = LoggerFactory.getLogger(LedgerLauncher.class);

  static final int H2_PORT = 9092;
  static final int MONGO_PORT = 27017;
  static final int COMMAND_PORT = 8080;
  static final int QUERY_PORT = 8081;

  /** In the data directory: the year of the demo loaded into it. */
  static final String DEMO_YEAR_FILE = "demo-year";

  private static final String USAGE =
      """
      usage: ./run [--demo] [--sim] [--data=DIR]
        --demo      load the demo year through the API after start: next year's campaign of
                    东湖街道 (30 communities) from January to this month, on the simulation clock
                    (implies --sim; so does a data directory that holds the demo year)
        --sim       add the sim profile (a settable clock: GET/PUT /admin/clock on the command side)
        --data=DIR  where the stores keep their data (default ./data); kept across restarts\
      """;

  record Arguments(boolean demo, boolean sim, Path data, Path repo) {

    static Arguments parse(String[] args) {
      if (args.length == 0 || !args[0].equals("run")) {
        throw new IllegalArgumentException("the first argument must be: run");
      }
      boolean demo = false;
      boolean sim = false;
      Path data = Path.of("data");
      Path repo = Path.of("");
      for (int i = 1; i < args.length; i++) {
        String arg = args[i];
        if (arg.equals("--demo")) {
          demo = true;
        } else if (arg.equals("--sim")) {
          sim = true;
        } else if (arg.startsWith("--data=") && arg.length() > "--data=".length()) {
          data = Path.of(arg.substring("--data=".length()));
        } else if (arg.startsWith("--repo=") && arg.length() > "--repo=".length()) {
          repo = Path.of(arg.substring("--repo=".length()));
        } else {
          throw new IllegalArgumentException("unknown argument: " + arg);
        }
      }
      return new Arguments(
          demo, sim, data.toAbsolutePath().normalize(), repo.toAbsolutePath().normalize());
    }
  }

  private LedgerLauncher() {}

  public static void main(String[] args) {
    if (args.length > 0 && List.of("-h", "--help", "help").contains(args[0])) {
      System.out.println(USAGE);
      return;
    }
    Arguments arguments;
    try {
      arguments = Arguments.parse(args);
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage());
      System.err.println(USAGE);
      System.exit(2);
      return;
    }
    System.exit(run(arguments));
  }

  static int run(Arguments arguments) {
    if (!Files.isDirectory(arguments.repo().resolve("harness"))) {
      log.error("run me from the repository root (no harness/ in {})", arguments.repo());
      return 2;
    }
    Path logs = arguments.data().resolve("logs");
    StackOptions options =
        StackOptions.persistent(arguments.repo(), arguments.data(), logs)
            .withPorts(H2_PORT, MONGO_PORT, COMMAND_PORT, QUERY_PORT);
    OptionalInt demoYear = demoYearOf(arguments.data());
    boolean sim = arguments.sim() || arguments.demo() || demoYear.isPresent();
    if (sim) {
      options = options.withProfile("sim");
    }
    if (sim && !arguments.sim()) {
      // the demo's ledger stands in a later year than the system clock: keep it on its own clock
      log.info(
          "profile sim added: {}",
          demoYear.isPresent()
              ? arguments.data() + " holds the demo year " + demoYear.getAsInt()
              : "the demo year is recorded on the simulation clock");
    }
    log.info("Fanzha Ledger on the embedded default; data in {}", arguments.data());
    LedgerStack stack;
    try {
      stack = LedgerStack.start(options);
    } catch (RuntimeException e) {
      log.error("start failed: {}", e.getMessage());
      return 1;
    }
    printWhere(stack, logs, sim);
    try {
      // the command side opens the demo accounts just after it reports healthy
      LedgerClient.awaitLogin(
          LedgerClient.of(stack.queryUrl()).as(DemoYear.STREET_USER, DemoYear.STREET_USER),
          Duration.ofSeconds(60));
    } catch (IllegalStateException e) {
      log.warn("the demo accounts are not accepted yet: {}", e.getMessage());
    }
    DemoYear demo = null;
    if (arguments.demo()) {
      LocalDate today = DemoYear.today();
      demo = new DemoYear(demoYear.orElse(today.getYear() + 1), today.getMonth());
      log.info(
          "loading the demo year {} (January to {}, {} requests) on the simulation clock",
          demo.year(),
          demo.upTo(),
          demo.requests());
      try {
        remember(arguments.data(), demo.year());
        Loaded loaded =
            demo.load(
                LedgerClient.of(stack.commandUrl()),
                new AuditTrail(
                    LedgerClient.of(stack.queryUrl())
                        .as(DemoYear.AUDITOR_USER, DemoYear.AUDITOR_USER)));
        if (loaded.allAccepted()) {
          log.info("demo year loaded: {}", loaded);
        } else {
          log.warn("demo year loaded with refusals: {}", loaded);
        }
        log.info(
            "campaign {}: scorecards at {}/api/scorecards?campaignId={}; the ledger's clock stands"
                + " at {} (GET/PUT {}/admin/clock)",
            demo.campaignId(),
            stack.queryUrl(),
            demo.campaignId(),
            loaded.clock(),
            stack.commandUrl());
      } catch (RuntimeException | IOException e) {
        log.error("loading the demo year failed: {}", e.toString());
      }
    }
    printAccounts(demo);
    log.info("running; Ctrl-C stops everything");
    return awaitEnd(stack);
  }

  /** The year of the demo loaded into {@code data} before, if any. */
  static OptionalInt demoYearOf(Path data) {
    Path file = data.resolve(DEMO_YEAR_FILE);
    if (!Files.isRegularFile(file)) {
      return OptionalInt.empty();
    }
    try {
      return OptionalInt.of(Integer.parseInt(Files.readString(file).trim()));
    } catch (IOException | NumberFormatException e) {
      log.warn("{} is unreadable ({}); ignored", file, e.toString());
      return OptionalInt.empty();
    }
  }

  /**
   * Notes in {@code data} that it holds the demo year: a later {@code ./run} keeps the simulation
   * clock, and a later {@code --demo} the same year, whatever the date.
   */
  private static void remember(Path data, int year) throws IOException {
    Files.createDirectories(data);
    Files.writeString(data.resolve(DEMO_YEAR_FILE), year + "\n");
  }

  private static void printWhere(LedgerStack stack, Path logs, boolean sim) {
    StringBuilder out = new StringBuilder();
    out.append(String.format("ready in %.1f s%n", stack.startUpTime().toMillis() / 1000.0));
    out.append(
        String.format(
            "  command side  %-24s health %s/actuator/health%n",
            stack.commandUrl(), stack.commandUrl()));
    out.append(
        String.format(
            "  query side    %-24s health %s/actuator/health%n",
            stack.queryUrl(), stack.queryUrl()));
    out.append(
        String.format(
            "  dashboard     %sdashboard (leader / leader)%n", withSlash(stack.queryUrl())));
    if (sim) {
      out.append(String.format("  sim clock     %s/admin/clock%n", stack.commandUrl()));
    }
    out.append(String.format("  logs          %s", logs));
    log.info("{}", out);
  }

  private static String withSlash(Object url) {
    String text = url.toString();
    return text.endsWith("/") ? text : text + "/";
  }

  private static void printAccounts(DemoYear demo) {
    List<String[]> rows = new ArrayList<>();
    rows.add(new String[] {"street", "STREET_OFFICE", "街道综治办"});
    rows.add(new String[] {"police", "POLICE", "派出所"});
    rows.add(new String[] {"leader", "LEADERSHIP", "领导"});
    rows.add(new String[] {"auditor", "AUDITOR", "审计"});
    if (demo != null) {
      Map<String, String> names = new HashMap<>();
      demo.units().forEach(u -> names.put(u.id(), u.name()));
      for (Account account : demo.accounts()) {
        rows.add(
            new String[] {
              account.username(),
              account.role(),
              account.unitId() + " " + names.getOrDefault(account.unitId(), "")
            });
      }
    }
    StringBuilder out = new StringBuilder("accounts (password = user name):");
    out.append(String.format("%n  %-15s %-14s %s", "user", "role", "unit"));
    for (String[] row : rows) {
      out.append(String.format("%n  %-15s %-14s %s", row[0], row[1], row[2]));
    }
    log.info("{}", out);
  }

  /** Waits until Ctrl-C (the stack's shutdown hook stops it) or until a process dies. */
  private static int awaitEnd(LedgerStack stack) {
    CompletableFuture<?> anyExit =
        CompletableFuture.anyOf(
            stack.storesProcess().onExit(),
            stack.commandProcess().onExit(),
            stack.queryProcess().onExit());
    try {
      anyExit.join();
    } catch (RuntimeException e) {
      log.warn("waiting for the stack failed: {}", e.toString());
    }
    if (stack.isStopping()) {
      // Ctrl-C: the shutdown hook is stopping the stack; let the JVM finish it
      waitForever();
      return 0;
    }
    for (String name :
        List.of(LedgerStack.STORES, LedgerStack.COMMAND_SIDE, LedgerStack.QUERY_SIDE)) {
      Process process = stack.process(name);
      if (!process.isAlive()) {
        log.error(
            "the {} stopped unexpectedly (exit code {}); see {}",
            name,
            process.exitValue(),
            stack.logFile(name));
      }
    }
    stack.stop();
    return 1;
  }

  private static void waitForever() {
    try {
      Thread.currentThread().join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
