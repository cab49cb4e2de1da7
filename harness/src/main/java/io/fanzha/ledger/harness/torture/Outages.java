package io.fanzha.ledger.harness.torture;

import io.fanzha.ledger.harness.client.AuditTrail;
import io.fanzha.ledger.harness.client.LedgerClient;
import io.fanzha.ledger.harness.client.LedgerResponse;
import io.fanzha.ledger.harness.stack.LedgerStack;
import io.fanzha.ledger.harness.workload.WorkItem;
import io.fanzha.ledger.harness.workload.YearOfAStreet;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The store-outage scenario on a street of the benchmark's generator: publicity events recorded by
 * several clients while the event store's server is stopped and started again. Every answer during
 * the outage must be 503 with {@code Retry-After}; every acknowledged event must be in the store,
 * each aggregate whole (sequence 0 only, nothing half-written); the command side must accept again
 * by itself once the store is back.
 */
public final class Outages {

  private static final Logger log = LoggerFactory.getLogger(Outages.class);

  /** What the event-store outage showed. */
  public record EventStoreOutage(
      long sent,
      long acknowledged,
      long unavailable,
      long withoutRetryAfter,
      long otherRefusals,
      long lost,
      long halfWritten,
      long recordedThoughRefused,
      double outageSeconds,
      double recoverySeconds) {

    public boolean passed() {
      return acknowledged > 0
          && unavailable > 0
          && withoutRetryAfter == 0
          && otherRefusals == 0
          && lost == 0
          && halfWritten == 0
          && recordedThoughRefused == 0
          && recoverySeconds >= 0;
    }

    public String line() {
      return String.format(
          "outage (event store): %d commands, %d acknowledged, %d answered 503 during a %.0f s"
              + " outage (%d without Retry-After), %d other refusals; %d acknowledged lost, %d"
              + " half-written, %d recorded though refused; accepting again %.1f s after the"
              + " store returned — %s",
          sent,
          acknowledged,
          unavailable,
          outageSeconds,
          withoutRetryAfter,
          otherRefusals,
          lost,
          halfWritten,
          recordedThoughRefused,
          recoverySeconds,
          passed() ? "PASS" : "FAIL");
    }
  }

  private Outages() {}

  /**
   * Sets up the generator's street for the year after the clock's, then moves the simulation clock
   * to 2 January of the year after it (where {@link YearOfAStreet#morePublicityEvents} belongs) and
   * waits until the deadlines that fall due are recorded.
   */
  public static YearOfAStreet street(LedgerStack stack, long seed) {
    LedgerClient command = LedgerClient.of(stack.commandUrl()).withTimeout(Duration.ofSeconds(60));
    LedgerClient street = command.as(YearOfAStreet.STREET_USER, YearOfAStreet.STREET_USER);
    LedgerClient.awaitLogin(street, Duration.ofSeconds(60));
    int year = OffsetDateTime.parse(street.get("/admin/clock").text("now")).getYear() + 1;
    YearOfAStreet workload = new YearOfAStreet(seed, year, 0.05, false);
    for (List<WorkItem> phase : workload.setup()) {
      for (WorkItem item : phase) {
        LedgerResponse answer = command.as(item.user(), item.user()).post(item.path(), item.body());
        if (!answer.isSuccess()) {
          throw new IllegalStateException("setting up the street: " + item.path() + " " + answer);
        }
      }
    }
    for (var account : workload.accounts()) {
      LedgerClient.awaitLogin(
          command.as(account.username(), account.password()), Duration.ofSeconds(60));
    }
    String afterTheYear =
        LocalDateTime.of(year + 1, 1, 2, 9, 0)
            .atZone(YearOfAStreet.ZONE)
            .toOffsetDateTime()
            .toString();
    LedgerResponse moved = street.put("/admin/clock", Map.of("now", afterTheYear));
    if (moved.status() != 200) {
      throw new IllegalStateException("PUT /admin/clock: " + moved);
    }
    EventStore events = new EventStore(stack.jdbcUrl());
    long[] last = {-1, System.nanoTime()};
    await(
        Duration.ofMinutes(3),
        () -> {
          long now = events.count();
          if (now != last[0]) {
            last[0] = now;
            last[1] = System.nanoTime();
          }
          // longer than the deadline sweep's period: every deadline of the year is in
          return System.nanoTime() - last[1] > Duration.ofSeconds(7).toNanos();
        });
    log.info("outage street: year {}, {} events after its deadlines", year, last[0]);
    return workload;
  }

  /**
   * Publicity events from {@code clients} threads; after the first acknowledgements the event store
   * stops for {@code outage}, then starts again; the load goes on until the command side has
   * accepted again for two seconds.
   */
  public static EventStoreOutage eventStore(
      LedgerStack stack, YearOfAStreet workload, Duration outage, int clients) {
    String tag = "eso";
    List<WorkItem> items = workload.morePublicityEvents(tag, 20_000);
    long stoppedAt;
    long restartedAt;
    long acceptingAt;
    List<CommandLoad.Answer> answers;
    try (CommandLoad load = new CommandLoad(stack.commandUrl(), items, clients)) {
      await(
          Duration.ofSeconds(60),
          () -> load.answers().stream().filter(CommandLoad.Answer::acknowledged).count() >= 50);
      stoppedAt = System.nanoTime();
      stack.stopEventStore();
      sleep(outage);
      restartedAt = System.nanoTime();
      stack.startEventStore();
      // seen to take from 3 s to 70 s on two busy cores (Hikari replacing broken connections)
      await(
          Duration.ofMinutes(3),
          () -> load.answersSince(restartedAt).stream().anyMatch(CommandLoad.Answer::acknowledged));
      acceptingAt =
          load.answersSince(restartedAt).stream()
              .filter(CommandLoad.Answer::acknowledged)
              .mapToLong(CommandLoad.Answer::atNanos)
              .min()
              .orElseThrow();
      sleep(Duration.ofSeconds(2));
      load.close();
      answers = load.answers();
    }
    Map<String, List<Long>> stored =
        new EventStore(stack.jdbcUrl()).sequencesOf("-pe-" + tag + "-");
    Set<String> acknowledged = new HashSet<>();
    long unavailable = 0;
    long withoutRetryAfter = 0;
    long other = 0;
    long recordedThoughRefused = 0;
    for (CommandLoad.Answer answer : answers) {
      if (answer.acknowledged()) {
        acknowledged.add(answer.id());
        continue;
      }
      if (answer.status() == 503) {
        unavailable++;
        if (answer.retryAfter() == null) {
          withoutRetryAfter++;
        }
      } else {
        other++;
        log.warn("outage: {} answered {}", answer.id(), answer.status());
      }
      if (stored.containsKey(answer.id())) {
        recordedThoughRefused++;
        log.warn("outage: {} was refused with {} but is recorded", answer.id(), answer.status());
      }
    }
    long lost = acknowledged.stream().filter(id -> !stored.containsKey(id)).count();
    // a publicity event is one event: anything but sequence [0] is a half or a double write
    long halfWritten = stored.values().stream().filter(seq -> !seq.equals(List.of(0L))).count();
    return new EventStoreOutage(
        answers.size(),
        acknowledged.size(),
        unavailable,
        withoutRetryAfter,
        other,
        lost,
        halfWritten,
        recordedThoughRefused,
        (restartedAt - stoppedAt) / 1e9,
        (acceptingAt - restartedAt) / 1e9);
  }

  /** What the MongoDB outage showed. */
  public record MongoOutage(
      long sent,
      long acknowledged,
      long refused,
      boolean queryUnhealthy,
      long lost,
      long storeEvents,
      long auditEntries,
      double outageSeconds,
      double catchUpSeconds) {

    public boolean passed() {
      return acknowledged > 0
          && refused == 0
          && queryUnhealthy
          && lost == 0
          && auditEntries == storeEvents
          && catchUpSeconds >= 0;
    }

    public String line() {
      return String.format(
          "outage (MongoDB): %d commands during and around a %.0f s outage, %d acknowledged, %d"
              + " refused; query side unhealthy: %s; %d acknowledged lost; caught up %.1f s after"
              + " MongoDB returned (audit trail %d entries for %d events) — %s",
          sent,
          outageSeconds,
          acknowledged,
          refused,
          queryUnhealthy ? "yes" : "no",
          lost,
          catchUpSeconds,
          auditEntries,
          storeEvents,
          passed() ? "PASS" : "FAIL");
    }
  }

  /**
   * Publicity events from {@code clients} threads while the MongoDB stand-in is stopped for {@code
   * outage}: the command side must go on acknowledging (its users were authenticated before), the
   * query side must report unhealthy, and once MongoDB is back every read model must catch up with
   * the whole event store.
   */
  public static MongoOutage mongo(
      LedgerStack stack, YearOfAStreet workload, Duration outage, int clients) {
    String tag = "mgo";
    List<WorkItem> items = workload.morePublicityEvents(tag, 20_000);
    LedgerClient health = LedgerClient.of(stack.queryUrl()).withTimeout(Duration.ofSeconds(10));
    boolean unhealthy = false;
    long stoppedAt;
    long restartedAt;
    List<CommandLoad.Answer> answers;
    try (CommandLoad load = new CommandLoad(stack.commandUrl(), items, clients)) {
      await(
          Duration.ofSeconds(60),
          () -> load.answers().stream().filter(CommandLoad.Answer::acknowledged).count() >= 50);
      stoppedAt = System.nanoTime();
      stack.stopMongo();
      long until = stoppedAt + outage.toNanos();
      while (System.nanoTime() < until) {
        try {
          unhealthy |= health.get("/actuator/health").status() == 503;
        } catch (RuntimeException noAnswer) {
          // the query side not answering its health is not what this looks for
        }
        sleep(Duration.ofMillis(500));
      }
      restartedAt = System.nanoTime();
      stack.startMongo();
      sleep(Duration.ofSeconds(2));
      load.close();
      answers = load.answers();
    }
    EventStore events = new EventStore(stack.jdbcUrl());
    AuditTrail audit = new AuditTrail(LedgerClient.of(stack.queryUrl()).as("auditor", "auditor"));
    long[] counts = {-1, -2};
    await(
        Duration.ofMinutes(3),
        () -> {
          try {
            counts[0] = events.count();
            counts[1] = audit.total();
            return counts[0] == counts[1];
          } catch (RuntimeException notYet) {
            return false;
          }
        });
    double caughtUp = (System.nanoTime() - restartedAt) / 1e9;
    Map<String, List<Long>> stored = events.sequencesOf("-pe-" + tag + "-");
    long acknowledged = answers.stream().filter(CommandLoad.Answer::acknowledged).count();
    long refused = answers.size() - acknowledged;
    answers.stream()
        .filter(a -> !a.acknowledged())
        .limit(5)
        .forEach(a -> log.warn("MongoDB outage: {} answered {}", a.id(), a.status()));
    long lost =
        answers.stream()
            .filter(CommandLoad.Answer::acknowledged)
            .filter(a -> !stored.containsKey(a.id()))
            .count();
    return new MongoOutage(
        answers.size(),
        acknowledged,
        refused,
        unhealthy,
        lost,
        counts[0],
        counts[1],
        (restartedAt - stoppedAt) / 1e9,
        caughtUp);
  }

  static void await(Duration timeout, BooleanSupplier condition) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("not within " + timeout.toSeconds() + " s");
      }
      sleep(Duration.ofMillis(100));
    }
  }

  static void sleep(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }
}
