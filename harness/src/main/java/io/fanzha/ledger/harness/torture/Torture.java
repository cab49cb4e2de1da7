package io.fanzha.ledger.harness.torture;

import io.fanzha.ledger.harness.stack.LedgerStack;
import io.fanzha.ledger.harness.stack.StackOptions;
import io.fanzha.ledger.harness.workload.YearOfAStreet;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code ./torture [--short] [--fuzz-requests=N] [--seed=S]}: runs each reliability scenario
 * against the embedded default (in memory, free ports), prints one line per scenario with its
 * figures, then {@code torture: key=value …}; exits 1 when a scenario fails.
 *
 * <p>Scenarios so far: hostile input ({@link Fuzz}).
 */
public final class Torture {

  private static final Logger log = LoggerFactory.getLogger(Torture.class);

  static final List<String> SCENARIOS = List.of("fuzz", "outages");

  record Arguments(
      boolean shortRun, int fuzzRequests, long seed, Path repo, List<String> scenarios) {

    static Arguments parse(String[] args) {
      boolean shortRun = false;
      Integer fuzzRequests = null;
      long seed = System.currentTimeMillis();
      Path repo = Path.of("");
      List<String> scenarios = SCENARIOS;
      for (String arg : args) {
        String value = arg.contains("=") ? arg.substring(arg.indexOf('=') + 1) : "";
        if (arg.equals("--short")) {
          shortRun = true;
        } else if (arg.startsWith("--fuzz-requests=")) {
          fuzzRequests = Integer.parseInt(value);
        } else if (arg.startsWith("--seed=")) {
          seed = Long.parseLong(value);
        } else if (arg.startsWith("--scenarios=")) {
          scenarios = List.of(value.split(","));
          if (!SCENARIOS.containsAll(scenarios)) {
            throw new IllegalArgumentException("--scenarios takes some of " + SCENARIOS);
          }
        } else if (arg.startsWith("--repo=")) {
          repo = Path.of(value);
        } else {
          throw new IllegalArgumentException("unknown argument: " + arg);
        }
      }
      int requests = fuzzRequests != null ? fuzzRequests : shortRun ? 300 : 10_000;
      if (requests < 1) {
        throw new IllegalArgumentException("--fuzz-requests must be positive");
      }
      return new Arguments(shortRun, requests, seed, repo.toAbsolutePath().normalize(), scenarios);
    }
  }

  private Torture() {}

  public static void main(String[] args) {
    Arguments arguments;
    try {
      arguments = Arguments.parse(args);
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage());
      System.err.println(
          "usage: ./torture [--short] [--scenarios=fuzz,outages] [--fuzz-requests=N] [--seed=S]");
      System.exit(2);
      return;
    }
    try {
      System.exit(run(arguments) ? 0 : 1);
    } catch (Exception e) {
      log.error("torture failed", e);
      System.exit(1);
    }
  }

  private static boolean run(Arguments arguments) {
    Path logs = arguments.repo().resolve("harness/target/torture-logs");
    log.info("torture: seed {}, logs in {}", arguments.seed(), logs);
    Map<String, Object> figures = new LinkedHashMap<>();
    List<String> lines = new ArrayList<>();
    boolean passed = true;

    if (arguments.scenarios().contains("fuzz")) {
      try (LedgerStack stack =
          LedgerStack.start(stackOptions(arguments.repo(), logs.resolve("fuzz")))) {
        Fuzz.Street street = Fuzz.openAccounts(stack, run());
        Fuzz.Result fuzz =
            Fuzz.run(
                stack,
                Fuzz.requests(arguments.repo(), street),
                arguments.fuzzRequests(),
                arguments.seed());
        lines.add(fuzz.line());
        fuzz.failures().forEach(f -> lines.add("  " + f));
        passed &= fuzz.passed();
        figures.put("fuzz_requests", fuzz.requests());
        figures.put("fuzz_5xx", fuzz.fiveXx());
        figures.put("fuzz_recorded", fuzz.recorded());
        figures.put("fuzz_stack_traces", fuzz.stackTraces());
        figures.put("fuzz_not_problem_json", fuzz.notProblemJson());
        figures.put("fuzz_unanswered", fuzz.noAnswer());
      }
    }

    if (arguments.scenarios().contains("outages")) {
      // on disk, as a store that stops and starts again keeps what it committed (an in-memory H2
      // database does not outlive its server's sessions being cut)
      StackOptions options =
          stackOptions(arguments.repo(), logs.resolve("outages"))
              .withDataDir(temporaryDirectory("fanzha-torture-outages-"))
              .withProfile("sim")
              .withStoresControl();
      try (LedgerStack stack = LedgerStack.start(options)) {
        YearOfAStreet street = Outages.street(stack, arguments.seed());
        Outages.EventStoreOutage eventStore =
            Outages.eventStore(stack, street, Duration.ofSeconds(arguments.shortRun() ? 5 : 15), 8);
        lines.add(eventStore.line());
        passed &= eventStore.passed();
        figures.put("outage_lost", eventStore.lost());
        figures.put("outage_half_written", eventStore.halfWritten());
        figures.put("outage_503", eventStore.unavailable());
        figures.put("outage_other_refusals", eventStore.otherRefusals());
        figures.put("outage_recovery_s", String.format("%.1f", eventStore.recoverySeconds()));
        Outages.MongoOutage mongo =
            Outages.mongo(stack, street, Duration.ofSeconds(arguments.shortRun() ? 5 : 15), 8);
        lines.add(mongo.line());
        passed &= mongo.passed();
        figures.put("outage_mongo_lost", mongo.lost());
        figures.put("outage_mongo_refused", mongo.refused());
        figures.put("outage_mongo_catch_up_s", String.format("%.1f", mongo.catchUpSeconds()));
      }
    }

    figures.put("seed", arguments.seed());
    figures.put("passed", passed);
    lines.forEach(System.out::println);
    System.out.println(
        "torture: "
            + figures.entrySet().stream()
                .map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining(" ")));
    return passed;
  }

  /**
   * The embedded default in memory on free ports, as the end-to-end tests start it: no leads to the
   * machine's RabbitMQ (its default queue is a real police feed's).
   */
  static StackOptions stackOptions(Path repo, Path logDir) {
    StackOptions options = StackOptions.inMemory(repo, logDir);
    List<String> flags = new ArrayList<>(options.appJvmFlags());
    flags.add("-Dfanzha.police-feed.enabled=false");
    return options.withAppJvmFlags(flags);
  }

  private static Path temporaryDirectory(String prefix) {
    try {
      return Files.createTempDirectory(prefix);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String run() {
    return UUID.randomUUID().toString().replace("-", "").substring(0, 8);
  }
}
