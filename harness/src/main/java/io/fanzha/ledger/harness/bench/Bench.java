package io.fanzha.ledger.harness.bench;

import io.fanzha.ledger.harness.client.AuditTrail;
import io.fanzha.ledger.harness.client.LedgerClient;
import io.fanzha.ledger.harness.client.LedgerResponse;
import io.fanzha.ledger.harness.stack.LedgerStack;
import io.fanzha.ledger.harness.stack.StackOptions;
import io.fanzha.ledger.harness.workload.MonthOfWork;
import io.fanzha.ledger.harness.workload.WorkItem;
import io.fanzha.ledger.harness.workload.YearOfAStreet;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code ./bench [--events=N] [--seed=S] [--clients=1,16,64] [--evidence] [--queries=N] [--no-raw]
 * [--open-rate=1000] [--open-seconds=10] [--open-workers=256] [--no-in-process] [--out=FILE]}:
 * starts the embedded default in memory with profile {@code sim} on free ports, loads a generated
 * {@link YearOfAStreet} of about N events through the HTTP API (moving the simulation clock week by
 * week), and measures, in this order: commands over HTTP at each client count (January–April at the
 * first, May–August at the second, September to the end at the third), the query side's catch-up,
 * query latency of ranking, scorecard, {@code asOf} scorecard and audit page, each app's heap and
 * RSS, fresh publicity events over HTTP at a fixed offered rate ({@link OpenLoop}), a rebuild of
 * every read model ({@link Rebuild}), and, with the applications stopped, a raw streaming JDBC read
 * of the event table and a raw batched insert into it. Then it starts a second, fresh stack with
 * profile {@code bench} added and sends the same year in process through the command gateway
 * ({@link InProcessGateway}) at the same thread counts. Prints one table and a {@code bench:} line,
 * and writes both to {@code docs/benchmarks.md}.
 */
public final class Bench {

  private static final Logger log = LoggerFactory.getLogger(Bench.class);

  private record Arguments(
      long events,
      long seed,
      int[] clients,
      boolean evidence,
      int queries,
      boolean raw,
      double openRate,
      double openSeconds,
      int openWorkers,
      boolean inProcess,
      boolean fullJit,
      Path out,
      Path repo) {

    static Arguments parse(String[] args) {
      long events = 20_000;
      long seed = YearOfAStreet.DEFAULT_SEED;
      int[] clients = {1, 16, 64};
      boolean evidence = false;
      int queries = 300;
      boolean raw = true;
      double openRate = 1000;
      double openSeconds = 10;
      int openWorkers = 256;
      boolean inProcess = true;
      boolean fullJit = true;
      Path out = Path.of("docs/benchmarks.md");
      Path repo = Path.of("");
      for (String arg : args) {
        String value = arg.contains("=") ? arg.substring(arg.indexOf('=') + 1) : "";
        if (arg.startsWith("--events=")) {
          events = Long.parseLong(value.replace("_", ""));
        } else if (arg.startsWith("--seed=")) {
          seed = Long.parseLong(value);
        } else if (arg.startsWith("--clients=")) {
          clients = Arrays.stream(value.split(",")).mapToInt(Integer::parseInt).toArray();
          if (clients.length != 3) {
            throw new IllegalArgumentException("--clients takes three counts, e.g. 1,16,64");
          }
        } else if (arg.equals("--evidence")) {
          evidence = true;
        } else if (arg.startsWith("--queries=")) {
          queries = Integer.parseInt(value);
        } else if (arg.equals("--no-raw")) {
          raw = false;
        } else if (arg.startsWith("--open-rate=")) {
          openRate = Double.parseDouble(value.replace("_", ""));
        } else if (arg.startsWith("--open-seconds=")) {
          openSeconds = Double.parseDouble(value);
        } else if (arg.startsWith("--open-workers=")) {
          openWorkers = Integer.parseInt(value);
        } else if (arg.equals("--no-in-process")) {
          inProcess = false;
        } else if (arg.equals("--jit=c1")) {
          fullJit = false;
        } else if (arg.equals("--jit=full")) {
          fullJit = true;
        } else if (arg.startsWith("--out=")) {
          out = Path.of(value);
        } else if (arg.startsWith("--repo=")) {
          repo = Path.of(value);
        } else {
          throw new IllegalArgumentException("unknown argument: " + arg);
        }
      }
      if (!(openRate > 0) || !(openSeconds > 0) || openWorkers < 1) {
        throw new IllegalArgumentException(
            "--open-rate, --open-seconds and --open-workers must be positive");
      }
      return new Arguments(
          events,
          seed,
          clients,
          evidence,
          queries,
          raw,
          openRate,
          openSeconds,
          openWorkers,
          inProcess,
          fullJit,
          out,
          repo.toAbsolutePath().normalize());
    }
  }

  /** The latencies and outcome of the requests sent at one client count. */
  private static final class Load {
    final int clients;
    final List<long[]> latencies = new ArrayList<>();
    final AtomicLong accepted = new AtomicLong();
    final AtomicLong refused = new AtomicLong();
    long nanos;

    Load(int clients) {
      this.clients = clients;
    }

    long[] sorted() {
      long[] all = latencies.stream().flatMapToLong(Arrays::stream).toArray();
      Arrays.sort(all);
      return all;
    }

    double perSecond() {
      return nanos == 0 ? 0 : (accepted.get() + refused.get()) / (nanos / 1e9);
    }
  }

  private final Arguments arguments;
  private final Map<String, String> results = new LinkedHashMap<>();
  private final List<String[]> table = new ArrayList<>();
  // where the next row about commands goes: they stay together at the top of the table
  private int commandRows;
  private final Map<String, AtomicInteger> refusalsByWhat = new ConcurrentHashMap<>();
  private final AtomicInteger refusalsLogged = new AtomicInteger();

  private Bench(Arguments arguments) {
    this.arguments = arguments;
  }

  public static void main(String[] args) {
    Arguments arguments;
    try {
      arguments = Arguments.parse(args);
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage());
      System.err.println(
          "usage: ./bench [--events=N] [--seed=S] [--clients=1,16,64] [--evidence] [--queries=N]"
              + " [--no-raw] [--open-rate=1000] [--open-seconds=10] [--open-workers=256]"
              + " [--no-in-process] [--jit=full|c1] [--out=FILE]");
      System.exit(2);
      return;
    }
    try {
      new Bench(arguments).run();
      System.exit(0);
    } catch (Exception e) {
      log.error("bench failed", e);
      System.exit(1);
    }
  }

  /**
   * Throughput is measured with the JIT a deployment would run (C2); {@code ./run} stops at C1 to
   * start fast, which {@code --jit=c1} reproduces.
   */
  private List<String> appJvmFlags() {
    return arguments.fullJit() ? StackOptions.APP_JVM : StackOptions.SMALL_APP_JVM;
  }

  private void run() throws Exception {
    Path logs = arguments.repo().resolve("harness/target/bench-logs");
    StackOptions options =
        StackOptions.inMemory(arguments.repo(), logs)
            .withProfile("sim")
            .withAppJvmFlags(appJvmFlags())
            // in memory, the stand-in holds the log and, during the rebuild, two generations of
            // every read model: 512 MB ran out at 20,000 events
            .withStoresJvmFlags(List.of("-Xmx1g", "-XX:+UseSerialGC"))
            .withHealthTimeout(Duration.ofSeconds(180));
    log.info("starting the embedded stack (in memory, profile sim); logs in {}", logs);
    YearOfAStreet workload;
    try (LedgerStack stack = LedgerStack.start(options)) {
      double startup = stack.startUpTime().toMillis() / 1000.0;
      results.put("startup_s", fmt(startup));
      LedgerClient command =
          LedgerClient.of(stack.commandUrl()).withTimeout(Duration.ofSeconds(120));
      LedgerClient street = command.as(YearOfAStreet.STREET_USER, YearOfAStreet.STREET_USER);
      LedgerClient.awaitLogin(street, Duration.ofSeconds(60));

      LedgerResponse clock = street.get("/admin/clock");
      int year = OffsetDateTime.parse(clock.text("now")).getYear() + 1;
      workload =
          YearOfAStreet.sized(arguments.seed(), year, arguments.events(), arguments.evidence());
      long expected = workload.expectedEvents();
      log.info(
          "year {}: scale {} for about {} events (asked {})",
          year,
          fmt(workload.scale()),
          expected,
          arguments.events());

      long setupBegin = System.nanoTime();
      Load setup = new Load(1);
      for (List<WorkItem> phase : workload.setup()) {
        send(command, phase, 1, setup);
      }
      for (var account : workload.accounts()) {
        LedgerClient.awaitLogin(
            command.as(account.username(), account.password()), Duration.ofSeconds(30));
      }
      log.info(
          "setup: {} requests in {} s",
          setup.accepted.get() + setup.refused.get(),
          fmt((System.nanoTime() - setupBegin) / 1e9));

      Load[] loads = {
        new Load(arguments.clients()[0]),
        new Load(arguments.clients()[1]),
        new Load(arguments.clients()[2])
      };
      long clockNanos = 0;
      long requests = setup.accepted.get();
      for (MonthOfWork month : workload.steps()) {
        Load load = loads[third(workload, month)];
        long c0 = System.nanoTime();
        LedgerResponse moved = street.put("/admin/clock", Map.of("now", month.clock().toString()));
        clockNanos += System.nanoTime() - c0;
        if (moved.status() != 200) {
          throw new IllegalStateException("PUT /admin/clock " + month.clock() + ": " + moved);
        }
        long begin = System.nanoTime();
        for (List<WorkItem> phase : month.phases()) {
          send(command, phase, load.clients, load);
        }
        load.nanos += System.nanoTime() - begin;
        requests += month.requests();
        log.info(
            "{} at {} clients: {} requests, {} cmd/s so far at this count",
            month.clock().toLocalDate(),
            load.clients,
            month.requests(),
            fmt(load.perSecond()));
      }
      results.put("clock_s", fmt(clockNanos / 1e9));
      long accepted = setup.accepted.get();
      long refused = setup.refused.get();
      for (Load load : loads) {
        accepted += load.accepted.get();
        refused += load.refused.get();
      }
      results.put("requests", Long.toString(requests));
      results.put("refused", Long.toString(refused));
      if (!refusalsByWhat.isEmpty()) {
        log.warn("refusals by request: {}", refusalsByWhat);
      }

      // the query side catches up
      long catchUp = System.nanoTime();
      AuditTrail audit = new AuditTrail(LedgerClient.of(stack.queryUrl()).as("auditor", "auditor"));
      long auditEntries = awaitSteady(audit, accepted);
      results.put("events_expected", Long.toString(expected));
      results.put("audit_entries", Long.toString(auditEntries));
      results.put("catch_up_s", fmt((System.nanoTime() - catchUp) / 1e9));
      // queries are measured on the year as loaded: every read model current, not still catching up
      results.put(
          "catch_up_queries_s",
          fmt(
              Rebuild.awaitCaughtUp(
                  LedgerClient.of(stack.queryUrl()).as("auditor", "auditor"),
                  Duration.ofMinutes(30))));

      for (Load load : loads) {
        long[] sorted = load.sorted();
        String n = Integer.toString(load.clients);
        results.put("cmd_per_s_" + n, fmt(load.perSecond()));
        results.put("cmd_p50_ms_" + n, ms(percentile(sorted, 50)));
        results.put("cmd_p99_ms_" + n, ms(percentile(sorted, 99)));
        results.put("cmd_p999_ms_" + n, ms(percentile(sorted, 99.9)));
        table.add(
            new String[] {
              "commands over HTTP, " + n + " client" + (load.clients == 1 ? "" : "s"),
              fmt(load.perSecond()) + " cmd/s",
              "p50 "
                  + ms(percentile(sorted, 50))
                  + " / p99 "
                  + ms(percentile(sorted, 99))
                  + " / p99.9 "
                  + ms(percentile(sorted, 99.9))
                  + " ms",
              sorted.length + " requests"
            });
      }
      commandRows = table.size();

      queries(stack, workload);
      heaps(stack);
      long events = storedEvents(stack);
      results.put("events", Long.toString(events));
      long openAccepted = openLoop(command, workload);
      metrics(stack);
      long storedBeforeRebuild = rebuild(stack, accepted + openAccepted);
      stack.killCommandSide();
      stack.killQuerySide();
      rawRead(stack, storedBeforeRebuild);
      rawMongoInsert(stack, storedBeforeRebuild);
      if (arguments.raw()) {
        rawInsert(stack, Math.max(events, 10_000));
      }
    }
    if (arguments.inProcess()) {
      inProcess(options, workload);
    }
    report();
  }

  /**
   * Which client count sends a step: January–April the first, May–August the second, September to
   * the end (the next January's stragglers too) the third, however many steps a month has.
   */
  private static int third(YearOfAStreet workload, MonthOfWork step) {
    if (step.month().getYear() > workload.year()) {
      return 2;
    }
    return (step.month().getMonthValue() - 1) / 4;
  }

  private void send(LedgerClient command, List<WorkItem> phase, int clients, Load load)
      throws Exception {
    AtomicInteger next = new AtomicInteger();
    int threads = Math.min(clients, phase.size());
    if (threads <= 1) {
      load.latencies.add(sendFrom(command, phase, next, load));
      return;
    }
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<long[]>> futures = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        futures.add(pool.submit(() -> sendFrom(command, phase, next, load)));
      }
      for (Future<long[]> future : futures) {
        load.latencies.add(future.get());
      }
    } finally {
      pool.shutdownNow();
    }
  }

  private long[] sendFrom(
      LedgerClient command, List<WorkItem> phase, AtomicInteger next, Load load) {
    long[] latencies = new long[phase.size()];
    int count = 0;
    Map<String, LedgerClient> clients = new LinkedHashMap<>();
    for (int i = next.getAndIncrement(); i < phase.size(); i = next.getAndIncrement()) {
      WorkItem item = phase.get(i);
      LedgerClient as = clients.computeIfAbsent(item.user(), u -> command.as(u, u));
      long begin = System.nanoTime();
      LedgerResponse answer =
          item.isUpload()
              ? as.upload(
                  item.path(),
                  "photo.png",
                  item.evidence().mediaType(),
                  item.evidence().bytes(),
                  Map.of("kind", "PHOTO"))
              : as.post(item.path(), item.body());
      latencies[count++] = System.nanoTime() - begin;
      if (answer.isSuccess()) {
        load.accepted.incrementAndGet();
      } else {
        load.refused.incrementAndGet();
        refusalsByWhat
            .computeIfAbsent(item.what() + " " + answer.status(), k -> new AtomicInteger())
            .incrementAndGet();
        if (refusalsLogged.incrementAndGet() <= 10) {
          log.warn("{} {} refused: {}", item.what(), item.path(), answer);
        }
      }
    }
    return Arrays.copyOf(latencies, count);
  }

  /**
   * Waits until the audit trail holds at least {@code atLeast} entries and stops growing, or until
   * it has not grown for 30 s (a stuck projection: the figure is then what it reached).
   */
  private static long awaitSteady(AuditTrail audit, long atLeast) throws InterruptedException {
    long last = -1;
    long lastChange = System.nanoTime();
    int steady = 0;
    while (true) {
      long total = audit.total();
      if (total != last) {
        lastChange = System.nanoTime();
        steady = 0;
      } else if (total >= atLeast && ++steady >= 3) {
        return total;
      }
      if (System.nanoTime() - lastChange > Duration.ofSeconds(30).toNanos()) {
        log.warn(
            "the audit trail stopped at {} entries, below the {} requests accepted: see the"
                + " query side's log",
            total,
            atLeast);
        return total;
      }
      last = total;
      Thread.sleep(500);
    }
  }

  private void queries(LedgerStack stack, YearOfAStreet workload) {
    LedgerClient leader = LedgerClient.of(stack.queryUrl()).as("leader", "leader");
    LedgerClient auditor = LedgerClient.of(stack.queryUrl()).as("auditor", "auditor");
    String campaign = workload.campaignId();
    List<String> units = workload.communities().stream().map(u -> u.id()).toList();
    LocalDate midYear = LocalDate.of(workload.year(), 6, 30);
    int n = arguments.queries();
    query(
        "ranking",
        "GET /api/scorecards?campaignId=",
        n,
        i -> leader.get("/api/scorecards?campaignId=" + campaign));
    query(
        "scorecard",
        "GET /api/scorecards/{c}/{u}",
        n,
        i -> leader.get("/api/scorecards/" + campaign + "/" + units.get(i % units.size())));
    query(
        "asof",
        "GET /api/scorecards/{c}/{u}?asOf=" + midYear,
        n,
        i ->
            leader.get(
                "/api/scorecards/"
                    + campaign
                    + "/"
                    + units.get(i % units.size())
                    + "?asOf="
                    + midYear));
    query(
        "audit",
        "GET /api/audit?unitId=&from=&to=&size=50",
        n,
        i -> {
          LocalDate from = LocalDate.of(workload.year(), 1 + i % 12, 1);
          return auditor.get(
              "/api/audit"
                  + LedgerClient.query(
                      LedgerClient.params(
                          "unitId",
                          units.get(i % units.size()),
                          "from",
                          from,
                          "to",
                          from.plusMonths(1).minusDays(1),
                          "page",
                          0,
                          "size",
                          50)));
        });
  }

  private void query(
      String key, String what, int n, java.util.function.IntFunction<LedgerResponse> call) {
    for (int i = 0; i < Math.min(20, n); i++) {
      call.apply(i);
    }
    long[] latencies = new long[n];
    int failed = 0;
    for (int i = 0; i < n; i++) {
      long begin = System.nanoTime();
      LedgerResponse answer = call.apply(i);
      latencies[i] = System.nanoTime() - begin;
      if (!answer.isSuccess()) {
        if (failed++ == 0) {
          log.warn("{} answered {}", what, answer);
        }
      }
    }
    Arrays.sort(latencies);
    results.put(key + "_p50_ms", ms(percentile(latencies, 50)));
    results.put(key + "_p99_ms", ms(percentile(latencies, 99)));
    table.add(
        new String[] {
          what,
          "",
          "p50 "
              + ms(percentile(latencies, 50))
              + " / p99 "
              + ms(percentile(latencies, 99))
              + " ms",
          n + " calls, 1 client" + (failed > 0 ? ", " + failed + " failed" : "")
        });
  }

  /** Both apps' Prometheus endpoints at the end of the HTTP load: the operator's metrics. */
  private void metrics(LedgerStack stack) {
    Map<String, String> scraped = Scrape.bothApps(stack.commandUrl(), stack.queryUrl());
    results.putAll(scraped);
    StringBuilder values = new StringBuilder();
    scraped.forEach(
        (k, v) ->
            values
                .append(values.isEmpty() ? "" : ", ")
                .append(k.substring(8))
                .append(' ')
                .append(v));
    long missing = scraped.values().stream().filter("missing"::equals).count();
    table.add(
        new String[] {
          "/actuator/prometheus after the load",
          missing == 0 ? "all present" : missing + " missing",
          values.toString(),
          "commands and failures counted by Axon; lag is the highest over processors"
        });
  }

  private void heaps(LedgerStack stack) {
    for (String[] app :
        new String[][] {{"command", LedgerStack.COMMAND_SIDE}, {"query", LedgerStack.QUERY_SIDE}}) {
      long pid = stack.process(app[1]).pid();
      double used = heapUsedAfterGc(pid);
      double rss = rssMb(pid);
      results.put("heap_mb_" + app[0], fmt(used));
      results.put("rss_mb_" + app[0], fmt(rss));
      table.add(
          new String[] {
            app[1] + " memory after the load",
            fmt(used) + " MB heap",
            fmt(rss) + " MB RSS",
            "heap used after a full GC (jcmd GC.run, GC.heap_info); RSS from /proc"
          });
    }
    table.add(
        new String[] {
          "start-up of the stack", results.get("startup_s") + " s", "", "stores + both apps healthy"
        });
  }

  private static final Pattern USED = Pattern.compile("total (\\d+)K, used (\\d+)K");

  /** The sum of every space's "used" in {@code jcmd <pid> GC.heap_info}, in MB, after a full GC. */
  private static double heapUsedAfterGc(long pid) {
    jcmd(pid, "GC.run");
    String info = jcmd(pid, "GC.heap_info");
    long usedKb = 0;
    for (String line : info.split("\n")) {
      if (line.contains("Metaspace") || line.contains("class space")) {
        continue;
      }
      Matcher m = USED.matcher(line);
      if (m.find()) {
        usedKb += Long.parseLong(m.group(2));
      }
    }
    return usedKb / 1024.0;
  }

  private static String jcmd(long pid, String what) {
    try {
      Process p =
          new ProcessBuilder("jcmd", Long.toString(pid), what).redirectErrorStream(true).start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      p.waitFor();
      return out;
    } catch (IOException e) {
      log.warn("jcmd {} {} failed: {}", pid, what, e.toString());
      return "";
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "";
    }
  }

  private static double rssMb(long pid) {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
        if (line.startsWith("VmRSS:")) {
          return Long.parseLong(line.replaceAll("\\D", "")) / 1024.0;
        }
      }
    } catch (IOException | NumberFormatException e) {
      log.warn("no VmRSS for {}: {}", pid, e.toString());
    }
    return 0;
  }

  /**
   * After the year, fresh publicity events over HTTP at a fixed offered rate (an {@link OpenLoop}),
   * latency counted from each request's due time. Returns how many were accepted.
   */
  private long openLoop(LedgerClient command, YearOfAStreet workload) throws Exception {
    double rate = arguments.openRate();
    int n = (int) Math.max(1, Math.round(rate * arguments.openSeconds()));
    List<WorkItem> items = workload.morePublicityEvents("open", n);
    log.info(
        "open loop: {} publicity events at {}/s over HTTP, {} workers",
        n,
        fmt(rate),
        arguments.openWorkers());
    OpenLoop.Outcome outcome =
        OpenLoop.run(
            command.withTimeout(Duration.ofSeconds(120)), items, rate, arguments.openWorkers());
    long[] sorted = outcome.latencyNanos();
    String at = rate == Math.rint(rate) ? Long.toString((long) rate) : fmt(rate);
    results.put("cmd_per_s_at_" + at, fmt(outcome.achievedPerSecond()));
    results.put("cmd_p50_ms_at_" + at, ms(percentile(sorted, 50)));
    results.put("cmd_p99_ms_at_" + at, ms(percentile(sorted, 99)));
    results.put("cmd_p999_ms_at_" + at, ms(percentile(sorted, 99.9)));
    results.put("open_refused", Long.toString(outcome.refused()));
    if (!outcome.refusals().isEmpty()) {
      log.warn("open loop refusals: {}", outcome.refusals());
    }
    log.info(
        "open loop: {} answered in {} s, {} cmd/s achieved, {} sent more than 10 ms late, at most"
            + " {} in flight",
        outcome.requests(),
        fmt(outcome.seconds()),
        fmt(outcome.achievedPerSecond()),
        outcome.sentLate(),
        outcome.maxInFlight());
    table.add(
        commandRows++,
        new String[] {
          "commands over HTTP, open loop at " + at + "/s",
          fmt(outcome.achievedPerSecond()) + " cmd/s",
          "p50 "
              + ms(percentile(sorted, 50))
              + " / p99 "
              + ms(percentile(sorted, 99))
              + " / p99.9 "
              + ms(percentile(sorted, 99.9))
              + " ms",
          outcome.requests()
              + " publicity events due over "
              + fmt(arguments.openSeconds())
              + " s, answered in "
              + fmt(outcome.seconds())
              + " s; latency from due time; "
              + outcome.workers()
              + " workers, at most "
              + outcome.maxInFlight()
              + " in flight"
              + (outcome.maxInFlight() >= outcome.workers() ? " (all waiting on the server)" : "")
              + ", "
              + outcome.sentLate()
              + " sent >10 ms late"
              + (outcome.refused() > 0 ? ", " + outcome.refused() + " refused" : "")
        });
    return outcome.accepted();
  }

  /**
   * Once every processor of the query side has caught up, rebuilds every read model and reports the
   * events in the store per second of wall time (the models are rebuilt together from one read of
   * the log) and each model's own rate. Returns the events in the store it rebuilt from.
   */
  private long rebuild(LedgerStack stack, long accepted) throws Exception {
    LedgerClient auditor =
        LedgerClient.of(stack.queryUrl())
            .as("auditor", "auditor")
            .withTimeout(Duration.ofSeconds(60));
    awaitSteady(new AuditTrail(auditor), accepted);
    results.put("catch_up_all_s", fmt(Rebuild.awaitCaughtUp(auditor, Duration.ofMinutes(30))));
    long events = storedEvents(stack);
    Rebuild.Outcome outcome = Rebuild.run(auditor, Duration.ofMinutes(30));
    double perSecond = events / outcome.seconds();
    results.put("rebuild_events", Long.toString(events));
    results.put("rebuild_s", fmt(outcome.seconds()));
    results.put("rebuild_events_per_s", fmt(perSecond));
    results.put("rebuild_failed", Long.toString(outcome.failed()));
    List<String> failed =
        outcome.models().stream()
            .filter(m -> !"done".equals(m.state()))
            .map(m -> m.name() + " " + m.state())
            .toList();
    table.add(
        new String[] {
          "rebuild of every read model (" + outcome.models().size() + ", together)",
          fmt(perSecond) + " events/s",
          fmt(outcome.seconds()) + " s wall",
          events
              + " events in the store, read once for all models; every processor caught up"
              + " first ("
              + results.get("catch_up_all_s")
              + " s after the open loop)"
              + (failed.isEmpty() ? "" : "; NOT DONE: " + String.join(", ", failed))
        });
    for (Rebuild.Model model : outcome.models()) {
      table.add(
          new String[] {
            "  rebuild of " + model.name(),
            fmt(model.eventsPerSecond()) + " events/s",
            model.eventsDone() + "/" + model.eventsTotal() + " positions",
            model.state() + (model.equal().isEmpty() ? "" : ", checksums equal: " + model.equal())
          });
    }
    return events;
  }

  /**
   * With both applications stopped, reads every row of {@code domain_event_entry} in one streaming
   * query (fetch size 1000) and touches each byte of payload and metadata, without handlers: what
   * the store gives a reader, beside the rebuild.
   */
  private void rawRead(LedgerStack stack, long rebuiltFrom) throws SQLException {
    long rows = 0;
    long bytes = 0;
    long sum = 0;
    long begin;
    try (Connection connection = DriverManager.getConnection(stack.jdbcUrl(), "sa", "")) {
      connection.setAutoCommit(false);
      begin = System.nanoTime();
      try (var statement =
          connection.createStatement(
              java.sql.ResultSet.TYPE_FORWARD_ONLY, java.sql.ResultSet.CONCUR_READ_ONLY)) {
        statement.setFetchSize(1000);
        try (var row =
            statement.executeQuery(
                "SELECT global_index, event_identifier, aggregate_identifier, sequence_number,"
                    + " type, time_stamp, payload_type, payload_revision, payload, meta_data"
                    + " FROM domain_event_entry ORDER BY global_index")) {
          while (row.next()) {
            sum += row.getLong(1) + row.getLong(4);
            for (int column : new int[] {2, 3, 5, 6, 7, 8}) {
              String text = row.getString(column);
              sum += text == null ? 0 : text.length();
            }
            for (int column : new int[] {9, 10}) {
              byte[] data = row.getBytes(column);
              if (data != null) {
                bytes += data.length;
                for (byte b : data) {
                  sum += b;
                }
              }
            }
            rows++;
          }
        }
      }
      connection.commit();
    }
    double seconds = (System.nanoTime() - begin) / 1e9;
    double perSecond = rows / seconds;
    double rebuild = Double.parseDouble(results.getOrDefault("rebuild_events_per_s", "0"));
    results.put("raw_read_per_s", fmt(perSecond));
    results.put("rebuild_ratio_raw", fmt(rebuild / perSecond));
    log.info(
        "raw read: {} rows ({} MB of payload and metadata, checksum {}) in {} s",
        rows,
        fmt(bytes / 1e6),
        sum,
        fmt(seconds));
    table.add(
        new String[] {
          "raw JDBC read of domain_event_entry",
          fmt(perSecond) + " rows/s",
          "one query, fetch size 1000",
          rows
              + " rows ("
              + rebuiltFrom
              + " at the rebuild), every byte touched, apps stopped; rebuild = "
              + results.get("rebuild_ratio_raw")
              + " of it"
        });
  }

  /**
   * With both applications stopped, the read-model store's own insert rate ({@link RawMongoInsert})
   * for as many documents as the rebuild read events: the rebuild's other limit.
   */
  private void rawMongoInsert(LedgerStack stack, long rebuiltFrom) {
    long rows = Math.max(rebuiltFrom, 10_000);
    double perSecond = RawMongoInsert.documentsPerSecond(stack.mongoUri(), rows);
    double rebuild = Double.parseDouble(results.getOrDefault("rebuild_events_per_s", "0"));
    results.put("raw_mongo_insert_per_s", fmt(perSecond));
    results.put("rebuild_ratio_mongo", fmt(rebuild / perSecond));
    table.add(
        new String[] {
          "raw MongoDB insert of audit-like documents",
          fmt(perSecond) + " docs/s",
          "ordered bulks of " + RawMongoInsert.BATCH,
          rows
              + " documents, apps stopped; rebuild (one or more documents per event) = "
              + results.get("rebuild_ratio_mongo")
              + " of it"
        });
  }

  /**
   * The same year again on a fresh stack whose command side has profile {@code bench}: the setup
   * over HTTP, then every month's requests in process through {@code POST /admin/bench/gateway} at
   * the same thread counts as the HTTP clients, the clock moved over HTTP in between. A fresh stack
   * rather than fresh ids on the first one: the workload's ids are its own (a month's report has no
   * id but its unit and month), and on a fresh stack the very same commands meet the very same
   * state as over HTTP, so the two rates differ only by the HTTP path.
   */
  private void inProcess(StackOptions options, YearOfAStreet workload) throws Exception {
    Path logs = options.logDir().resolve("in-process");
    StackOptions withBench = options.withProfile("bench").withLogDir(logs);
    log.info(
        "starting a fresh stack (profiles sim, bench) for the in-process run; logs in {}", logs);
    try (LedgerStack stack = LedgerStack.start(withBench)) {
      LedgerClient command =
          LedgerClient.of(stack.commandUrl()).withTimeout(Duration.ofSeconds(120));
      LedgerClient street = command.as(YearOfAStreet.STREET_USER, YearOfAStreet.STREET_USER);
      LedgerClient.awaitLogin(street, Duration.ofSeconds(60));
      int year = OffsetDateTime.parse(street.get("/admin/clock").text("now")).getYear() + 1;
      if (year != workload.year()) {
        throw new IllegalStateException(
            "the fresh stack's clock is in another year (" + year + "): run the bench again");
      }
      Load setup = new Load(1);
      for (List<WorkItem> phase : workload.setup()) {
        send(command, phase, 1, setup);
      }
      for (var account : workload.accounts()) {
        LedgerClient.awaitLogin(
            command.as(account.username(), account.password()), Duration.ofSeconds(30));
      }
      InProcessGateway gateway = new InProcessGateway(street.withTimeout(Duration.ofMinutes(10)));
      Load[] loads = {
        new Load(arguments.clients()[0]),
        new Load(arguments.clients()[1]),
        new Load(arguments.clients()[2])
      };
      long skipped = 0;
      for (MonthOfWork month : workload.steps()) {
        Load load = loads[third(workload, month)];
        LedgerResponse moved = street.put("/admin/clock", Map.of("now", month.clock().toString()));
        if (moved.status() != 200) {
          throw new IllegalStateException("PUT /admin/clock " + month.clock() + ": " + moved);
        }
        for (List<WorkItem> phase : month.phases()) {
          InProcessGateway.Run run = gateway.send(phase, load.clients);
          load.latencies.add(run.latencyNanos());
          load.accepted.addAndGet(run.accepted());
          load.refused.addAndGet(run.refused());
          load.nanos += run.elapsedNanos();
          skipped += run.skipped();
          run.refusals()
              .forEach(
                  (reason, n) ->
                      refusalsByWhat
                          .computeIfAbsent("in process " + reason, k -> new AtomicInteger())
                          .addAndGet(n));
        }
        log.info(
            "{} in process at {} threads: {} requests, {} cmd/s so far at this count",
            month.clock().toLocalDate(),
            load.clients,
            month.requests(),
            fmt(load.perSecond()));
      }
      long refused = 0;
      for (Load load : loads) {
        refused += load.refused.get();
        long[] sorted = load.sorted();
        String n = Integer.toString(load.clients);
        if (load.clients == arguments.clients()[1]) {
          results.put("cmd_per_s_inprocess", fmt(load.perSecond()));
          results.put("cmd_p50_ms_inprocess", ms(percentile(sorted, 50)));
          results.put("cmd_p99_ms_inprocess", ms(percentile(sorted, 99)));
          double http = Double.parseDouble(results.getOrDefault("cmd_per_s_" + n, "0"));
          results.put("cmd_ratio_inprocess", fmt(http / load.perSecond()));
        }
        results.put("cmd_per_s_inprocess_" + n, fmt(load.perSecond()));
        table.add(
            commandRows++,
            new String[] {
              "commands in process, " + n + " thread" + (load.clients == 1 ? "" : "s"),
              fmt(load.perSecond()) + " cmd/s",
              "p50 "
                  + ms(percentile(sorted, 50))
                  + " / p99 "
                  + ms(percentile(sorted, 99))
                  + " / p99.9 "
                  + ms(percentile(sorted, 99.9))
                  + " ms",
              sorted.length
                  + " commands through the gateway, fresh stack"
                  + (load.clients == arguments.clients()[1]
                      ? "; HTTP at " + n + " = " + results.get("cmd_ratio_inprocess") + " of it"
                      : "")
            });
      }
      results.put("inprocess_refused", Long.toString(refused));
      if (skipped > 0) {
        log.info("in process: {} evidence uploads not carried (multipart)", skipped);
      }
    }
  }

  /** The rows of {@code domain_event_entry}: every event the load recorded, deadlines included. */
  private static long storedEvents(LedgerStack stack) throws SQLException {
    try (Connection connection = DriverManager.getConnection(stack.jdbcUrl(), "sa", "");
        var statement = connection.createStatement();
        var rows = statement.executeQuery("SELECT COUNT(*) FROM domain_event_entry")) {
      rows.next();
      return rows.getLong(1);
    }
  }

  /**
   * With both applications stopped, inserts {@code rows} event rows straight into {@code
   * domain_event_entry} (batches of 100, one commit each, as the engine appends): the store's own
   * rate beside the commands'.
   */
  private void rawInsert(LedgerStack stack, long rows) throws SQLException {
    byte[] payload =
        ("{\"publishEventId\":\"raw\",\"campaignId\":\"fz\",\"unitId\":\"c01\",\"heldOn\":\"2027-03-05\","
                + "\"location\":{\"name\":\"东湖公园\",\"kind\":\"PARK\"},\"formats\":[\"LEAFLET\"],"
                + "\"targetGroups\":[\"ELDERLY\"],\"audienceCount\":120,\"materialsDistributed\":300,"
                + "\"description\":\"在东湖公园开展防范电信网络诈骗宣传，重点提示群众警惕刷单返利类诈骗。\"}")
            .getBytes(StandardCharsets.UTF_8);
    byte[] meta =
        ("{\"actor\":\"dh-c01\",\"role\":\"COMMUNITY\",\"unitId\":\"c01\",\"requestId\":\""
                + UUID.randomUUID()
                + "\",\"clientAddress\":\"127.0.0.1\"}")
            .getBytes(StandardCharsets.UTF_8);
    String timestamp = ZonedDateTime.now().toInstant().toString();
    int batch = 100;
    long begin;
    try (Connection connection = DriverManager.getConnection(stack.jdbcUrl(), "sa", "")) {
      connection.setAutoCommit(false);
      begin = System.nanoTime();
      try (PreparedStatement insert =
          connection.prepareStatement(
              "INSERT INTO domain_event_entry (event_identifier, meta_data, payload,"
                  + " payload_revision, payload_type, time_stamp, aggregate_identifier,"
                  + " sequence_number, type) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
        for (long i = 0; i < rows; i++) {
          insert.setString(1, UUID.randomUUID().toString());
          insert.setBytes(2, meta);
          insert.setBytes(3, payload);
          insert.setString(4, "1");
          insert.setString(5, "bench.RawEvent");
          insert.setString(6, timestamp);
          insert.setString(7, "raw:" + (i / 4));
          insert.setLong(8, i % 4);
          insert.setString(9, "Raw");
          insert.addBatch();
          if ((i + 1) % batch == 0 || i + 1 == rows) {
            insert.executeBatch();
            connection.commit();
          }
        }
      }
    }
    double perSecond = rows / ((System.nanoTime() - begin) / 1e9);
    results.put("raw_insert_per_s", fmt(perSecond));
    double http16 = Double.parseDouble(results.getOrDefault("cmd_per_s_16", "0"));
    results.put("cmd_ratio_raw_16", fmt(http16 / perSecond));
    table.add(
        new String[] {
          "raw JDBC insert into domain_event_entry",
          fmt(perSecond) + " rows/s",
          "batches of " + batch + ", one commit each",
          rows
              + " rows, apps stopped; HTTP at 16 clients = "
              + results.get("cmd_ratio_raw_16")
              + " of it"
        });
  }

  private void report() throws IOException {
    StringBuilder text = new StringBuilder();
    String header =
        String.format("%-46s %-18s %-38s %s%n", "measure", "rate", "latency / size", "note");
    text.append(header);
    text.append("-".repeat(header.length() - 1)).append('\n');
    for (String[] row : table) {
      text.append(String.format("%-46s %-18s %-38s %s%n", (Object[]) row));
    }
    StringBuilder line = new StringBuilder("bench:");
    results.forEach((k, v) -> line.append(' ').append(k).append('=').append(v));
    System.out.print(text);
    System.out.println(line);

    int cores = Runtime.getRuntime().availableProcessors();
    long memoryMb =
        ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getTotalMemorySize()
            / (1024 * 1024);
    String doc =
        "# Benchmarks\n\n"
            + "Written by `./bench "
            + String.join(" ", argsOf())
            + "` on "
            + LocalDate.now()
            + ": "
            + cores
            + " cores, "
            + memoryMb
            + " MB memory, Java "
            + System.getProperty("java.version")
            + ". The embedded default in memory, profile `sim`, apps with "
            + String.join(" ", appJvmFlags())
            + (arguments.inProcess()
                ? "; the in-process rows on a second, fresh stack whose apps also have profile"
                    + " `bench`"
                : "")
            + ". One run on a shared machine: read ratios rather than absolute figures.\n\n"
            + "```\n"
            + text
            + line
            + "\n```\n";
    Path out = arguments.repo().resolve(arguments.out());
    Files.createDirectories(out.toAbsolutePath().getParent());
    Files.writeString(out, doc, StandardCharsets.UTF_8);
    log.info("written to {}", out);
  }

  private List<String> argsOf() {
    List<String> args = new ArrayList<>();
    args.add("--events=" + arguments.events());
    args.add(
        "--clients="
            + arguments.clients()[0]
            + ","
            + arguments.clients()[1]
            + ","
            + arguments.clients()[2]);
    if (arguments.evidence()) {
      args.add("--evidence");
    }
    args.add("--open-rate=" + fmt(arguments.openRate()).replaceAll("\\.00$", ""));
    if (!arguments.inProcess()) {
      args.add("--no-in-process");
    }
    return args;
  }

  private static long percentile(long[] sorted, double p) {
    if (sorted.length == 0) {
      return 0;
    }
    int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
  }

  private static String ms(long nanos) {
    return fmt(nanos / 1e6);
  }

  private static String fmt(double value) {
    if (value >= 100) {
      return String.format(Locale.ROOT, "%.0f", value);
    }
    return String.format(Locale.ROOT, "%.2f", value);
  }
}
