package io.fanzha.ledger.harness.demo;

import io.fanzha.ledger.harness.client.LedgerClient;
import io.fanzha.ledger.harness.client.LedgerResponse;
import io.fanzha.ledger.harness.demo.StreetPlan.Account;
import io.fanzha.ledger.harness.demo.StreetPlan.Unit;
import io.fanzha.ledger.harness.workload.MonthOfWork;
import io.fanzha.ledger.harness.workload.WorkItem;
import io.fanzha.ledger.harness.workload.YearOfAStreet;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Month;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The demo of {@code ./run --demo}: the bench's {@link YearOfAStreet} at its base size (scale 1: 30
 * communities, 18 partners, a police station; per community and month 2–6 publicity events, the
 * monthly report on time, late or missing, leads, cases, inspections, rectifications, penalties and
 * commendations), from January up to a month, recorded through the public API on the simulation
 * clock exactly as the bench records it: the clock moved to each month's report due day, then the
 * month's requests.
 *
 * <p>The year is the one after today's. The simulation clock starts at the present and never goes
 * back, and the deadlines (reports due, evidence windows, rectifications) only fire at their own
 * instants when the clock passes through the months; a year ending today would have to be recorded
 * today, with every past report late and no rectification accepted. So the demo plays the next
 * year's campaign as far as today's month: a year as far along as this one, whose every point is
 * explained by events recorded on time, late or not at all.
 *
 * <p>Loading again records nothing new: creates carry ids (same id and body, same answer), a
 * repeated report, completion or lead outcome is a no-op, and the clock is only moved forward. No
 * evidence files are uploaded: an upload carries no id, so it would be recorded again, and the
 * year's uploads come at the due day, after most evidence windows have closed, so they would change
 * no score.
 */
public final class DemoYear {

  private static final Logger log = LoggerFactory.getLogger(DemoYear.class);

  public static final double SCALE = 1.0;
  public static final String STREET_USER = YearOfAStreet.STREET_USER;

  private static final int CLIENTS = 4;
  private static final Duration LOGIN_TIMEOUT = Duration.ofSeconds(30);

  private final YearOfAStreet year;
  private final Month upTo;

  /**
   * @param year the campaign's year
   * @param upTo the last month recorded; the clock ends on its report due day at 18:00
   */
  public DemoYear(int year, Month upTo) {
    this.year = new YearOfAStreet(YearOfAStreet.DEFAULT_SEED, year, SCALE, false);
    this.upTo = upTo;
  }

  /** The year after {@code today}'s, up to {@code today}'s month. */
  public static DemoYear after(LocalDate today) {
    return new DemoYear(today.getYear() + 1, today.getMonth());
  }

  /** Today in the street's time zone. */
  public static LocalDate today() {
    return LocalDate.now(YearOfAStreet.ZONE);
  }

  public int year() {
    return year.year();
  }

  public Month upTo() {
    return upTo;
  }

  public String campaignId() {
    return year.campaignId();
  }

  /** Every unit the setup registers, the street office first. */
  public List<Unit> units() {
    return setup().stream()
        .flatMap(List::stream)
        .filter(item -> item.body() instanceof Unit)
        .map(item -> (Unit) item.body())
        .toList();
  }

  public List<Unit> communities() {
    return year.communities();
  }

  /** The accounts the setup opens (password = user name). */
  public List<Account> accounts() {
    return year.accounts();
  }

  public List<List<WorkItem>> setup() {
    return year.setup();
  }

  /** The year's steps from January to {@link #upTo}. */
  public List<MonthOfWork> months() {
    List<MonthOfWork> months = new ArrayList<>();
    for (MonthOfWork month : year.months()) {
      if (month.month().getYear() != year.year() || month.month().getMonth().compareTo(upTo) > 0) {
        break;
      }
      months.add(month);
    }
    return months;
  }

  /** Requests the setup and the months send. */
  public int requests() {
    return setup().stream().mapToInt(List::size).sum()
        + months().stream().mapToInt(MonthOfWork::requests).sum();
  }

  /** Events the requests record plus the deadlines the clock moves fire (an estimate). */
  public long expectedEvents() {
    long events = setup().stream().flatMap(List::stream).mapToInt(WorkItem::events).sum();
    for (MonthOfWork month : months()) {
      events += month.commandEvents() + month.deadlineEvents();
    }
    return events;
  }

  /** What a load sent and what the ledger answered. */
  public record Loaded(
      int requests,
      Map<Integer, Integer> statuses,
      List<String> refusals,
      int clockMoves,
      int deadlinesFired,
      Instant clock,
      Duration took) {

    public boolean allAccepted() {
      return refusals.isEmpty();
    }

    @Override
    public String toString() {
      return requests
          + " requests, answers "
          + statuses
          + ", "
          + clockMoves
          + " clock moves firing "
          + deadlinesFired
          + " deadlines, clock at "
          + clock
          + ", "
          + took.toMillis()
          + " ms"
          + (refusals.isEmpty() ? "" : ", refused: " + refusals);
    }
  }

  /**
   * Records the year through the command side, which must run with profile {@code sim}: the setup
   * as the street office, then month by month the clock move (only forward: a clock already past a
   * step stays where it is) and the month's requests, each as the account the work item names, a
   * phase at a time with a few clients at once.
   *
   * @throws IllegalStateException when the command side has no simulation clock
   */
  public Loaded load(LedgerClient commandSide) {
    long begin = System.nanoTime();
    LedgerClient street = commandSide.as(STREET_USER, STREET_USER);
    LedgerClient.awaitLogin(street, LOGIN_TIMEOUT);
    Instant clock = clockOf(street);
    Tally tally = new Tally();
    for (List<WorkItem> phase : setup()) {
      send(commandSide, phase, tally);
    }
    for (Account account : accounts()) {
      LedgerClient.awaitLogin(
          commandSide.as(account.username(), account.password()), LOGIN_TIMEOUT);
    }
    log.info(
        "demo year {}: setup sent, {} units, {} accounts",
        year(),
        units().size(),
        accounts().size());
    int moves = 0;
    int fired = 0;
    for (MonthOfWork month : months()) {
      Instant to = month.clock().toInstant();
      int firedNow = 0;
      if (clock.isBefore(to)) {
        LedgerResponse moved = street.put("/admin/clock", Map.of("now", month.clock().toString()));
        if (moved.status() != 200) {
          throw new IllegalStateException("PUT /admin/clock " + month.clock() + ": " + moved);
        }
        clock = to;
        moves++;
        firedNow = moved.body().path("deadlinesFired").asInt();
        fired += firedNow;
      }
      int refusedBefore = tally.refusals.size();
      for (List<WorkItem> phase : month.phases()) {
        send(commandSide, phase, tally);
      }
      log.info(
          "demo year {}: clock {}, {} deadlines fired by moving it, {} requests, {} refused",
          month.month(),
          clock,
          firedNow,
          month.requests(),
          tally.refusals.size() - refusedBefore);
    }
    return new Loaded(
        tally.requests.get(),
        Collections.unmodifiableMap(new TreeMap<>(tally.statuses)),
        List.copyOf(tally.refusals),
        moves,
        fired,
        clock,
        Duration.ofNanos(System.nanoTime() - begin));
  }

  private static Instant clockOf(LedgerClient street) {
    LedgerResponse now = street.get("/admin/clock");
    if (now.status() != 200 || now.text("now") == null) {
      throw new IllegalStateException(
          "the demo year needs the simulation clock (profile sim); GET /admin/clock: " + now);
    }
    return OffsetDateTime.parse(now.text("now")).toInstant();
  }

  /** The requests of one phase do not depend on each other: a few clients send them at once. */
  private static void send(LedgerClient commandSide, List<WorkItem> phase, Tally tally) {
    AtomicInteger next = new AtomicInteger();
    Runnable client =
        () -> {
          for (int i = next.getAndIncrement(); i < phase.size(); i = next.getAndIncrement()) {
            WorkItem item = phase.get(i);
            tally.add(
                item, commandSide.as(item.user(), item.user()).post(item.path(), item.body()));
          }
        };
    int threads = Math.min(CLIENTS, phase.size());
    if (threads <= 1) {
      client.run();
      return;
    }
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<?>> running = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        running.add(pool.submit(client));
      }
      for (Future<?> future : running) {
        future.get();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while loading the demo year", e);
    } catch (ExecutionException e) {
      throw new IllegalStateException("loading the demo year failed", e.getCause());
    } finally {
      pool.shutdownNow();
    }
  }

  private static final class Tally {
    private final AtomicInteger requests = new AtomicInteger();
    private final Map<Integer, Integer> statuses = new TreeMap<>();
    private final List<String> refusals = new ArrayList<>();

    synchronized void add(WorkItem item, LedgerResponse answer) {
      requests.incrementAndGet();
      statuses.merge(answer.status(), 1, Integer::sum);
      if (!answer.isSuccess()) {
        String why = answer.text("detail");
        refusals.add(
            item.what()
                + " "
                + item.path()
                + " → "
                + answer.status()
                + (why == null ? "" : " " + why));
        log.warn("{} {} refused: {} {}", item.what(), item.path(), answer.status(), why);
      }
    }
  }
}
