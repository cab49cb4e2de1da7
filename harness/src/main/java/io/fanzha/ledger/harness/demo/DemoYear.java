package io.fanzha.ledger.harness.demo;

import com.fasterxml.jackson.databind.JsonNode;
import io.fanzha.ledger.harness.client.AuditTrail;
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
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
 * communities, 18 partners, a police station; per community and month 2–6 publicity events, 85% of
 * them with a photo uploaded within their evidence window, the monthly report on time, late or
 * missing, leads, cases, inspections, rectifications, penalties and commendations), from January up
 * to a month, recorded through the public API on the simulation clock exactly as the bench records
 * it with {@code --evidence}: the clock moved to each of a month's weekly steps (the 8th, 15th,
 * 22nd and the report due day), then the step's requests.
 *
 * <p>The year is the one after today's. The simulation clock starts at the present and never goes
 * back, and the deadlines (reports due, evidence windows, rectifications) only fire at their own
 * instants when the clock passes through the months; a year ending today would have to be recorded
 * today, with every past report late and no rectification accepted. So the demo plays the next
 * year's campaign as far as today's month: a year as far along as this one, whose every point is
 * explained by events recorded on time, late or not at all.
 *
 * <p>Loading again records nothing new: creates carry ids (same id and body, same answer), a
 * repeated report, completion or lead outcome is a no-op, and the clock is only moved forward. An
 * upload carries no id and would be recorded again: a step the clock had already reached when the
 * load began may have been sent before, so its photos are sent only for publicity events that have
 * no evidence in the query side's audit trail yet.
 */
public final class DemoYear {

  private static final Logger log = LoggerFactory.getLogger(DemoYear.class);

  public static final double SCALE = 1.0;
  public static final String STREET_USER = YearOfAStreet.STREET_USER;
  public static final String AUDITOR_USER = "auditor";

  private static final int CLIENTS = 4;
  private static final Duration LOGIN_TIMEOUT = Duration.ofSeconds(30);
  private static final Duration CATCH_UP_TIMEOUT = Duration.ofSeconds(60);
  private static final String EVIDENCE_PATH = "/api/publish-events/";

  private final YearOfAStreet year;
  private final Month upTo;

  /**
   * @param year the campaign's year
   * @param upTo the last month recorded; the clock ends on its report due day at 18:00
   */
  public DemoYear(int year, Month upTo) {
    this.year = new YearOfAStreet(YearOfAStreet.DEFAULT_SEED, year, SCALE, true);
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

  /** The year's steps from January to {@link #upTo}'s due day. */
  public List<MonthOfWork> steps() {
    List<MonthOfWork> steps = new ArrayList<>();
    for (MonthOfWork step : year.steps()) {
      if (step.month().getYear() != year.year() || step.month().getMonth().compareTo(upTo) > 0) {
        break;
      }
      steps.add(step);
    }
    return steps;
  }

  /** Requests the setup and the steps send (on a first load). */
  public int requests() {
    return setup().stream().mapToInt(List::size).sum()
        + steps().stream().mapToInt(MonthOfWork::requests).sum();
  }

  /** Events the requests record plus the deadlines the clock moves fire (an estimate). */
  public long expectedEvents() {
    long events = setup().stream().flatMap(List::stream).mapToInt(WorkItem::events).sum();
    for (MonthOfWork step : steps()) {
      events += step.commandEvents() + step.deadlineEvents();
    }
    return events;
  }

  /**
   * What a load sent and what the ledger answered.
   *
   * @param uploadsSkipped photos not sent because their publicity event had evidence already
   */
  public record Loaded(
      int requests,
      Map<Integer, Integer> statuses,
      List<String> refusals,
      int uploadsSkipped,
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
          + (uploadsSkipped > 0 ? ", " + uploadsSkipped + " photos there already" : "")
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
   * as the street office, then step by step the clock move (only forward: a clock already past a
   * step stays where it is) and the step's requests, each as the account the work item names, a
   * phase at a time with a few clients at once.
   *
   * @param auditTrail the query side's trail, asked (only when the clock already stands at or past
   *     a step with photos) which publicity events have evidence
   * @throws IllegalStateException when the command side has no simulation clock
   */
  public Loaded load(LedgerClient commandSide, AuditTrail auditTrail) {
    long begin = System.nanoTime();
    LedgerClient street = commandSide.as(STREET_USER, STREET_USER);
    LedgerClient.awaitLogin(street, LOGIN_TIMEOUT);
    Instant clock = clockOf(street);
    Instant start = clock;
    List<MonthOfWork> steps = steps();
    // steps after the clock were never sent: their photos go without asking
    boolean photosSentBefore =
        steps.stream()
            .filter(step -> !step.clock().toInstant().isAfter(start))
            .anyMatch(step -> items(step).stream().anyMatch(WorkItem::isUpload));
    Set<String> withEvidence = photosSentBefore ? withEvidence(street, auditTrail) : Set.of();
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
    for (MonthOfWork step : steps) {
      Instant to = step.clock().toInstant();
      int firedNow = 0;
      if (clock.isBefore(to)) {
        LedgerResponse moved = street.put("/admin/clock", Map.of("now", step.clock().toString()));
        if (moved.status() != 200) {
          throw new IllegalStateException("PUT /admin/clock " + step.clock() + ": " + moved);
        }
        clock = to;
        moves++;
        firedNow = moved.body().path("deadlinesFired").asInt();
        fired += firedNow;
      }
      int refusedBefore = tally.refusals.size();
      int requestsBefore = tally.requests.get();
      for (List<WorkItem> phase : step.phases()) {
        List<WorkItem> toSend = new ArrayList<>();
        for (WorkItem item : phase) {
          if (item.isUpload() && withEvidence.contains(publishEventOf(item))) {
            tally.uploadsSkipped.incrementAndGet();
          } else {
            toSend.add(item);
          }
        }
        send(commandSide, toSend, tally);
      }
      log.info(
          "demo year {}: clock {}, {} deadlines fired by moving it, {} requests, {} refused",
          step.month(),
          clock,
          firedNow,
          tally.requests.get() - requestsBefore,
          tally.refusals.size() - refusedBefore);
    }
    return new Loaded(
        tally.requests.get(),
        Collections.unmodifiableMap(new TreeMap<>(tally.statuses)),
        List.copyOf(tally.refusals),
        tally.uploadsSkipped.get(),
        moves,
        fired,
        clock,
        Duration.ofNanos(System.nanoTime() - begin));
  }

  private static List<WorkItem> items(MonthOfWork step) {
    return step.phases().stream().flatMap(List::stream).toList();
  }

  /** The publicity event a photo is uploaded to ({@code /api/publish-events/{id}/evidence}). */
  static String publishEventOf(WorkItem upload) {
    String path = upload.path();
    return path.substring(EVIDENCE_PATH.length(), path.lastIndexOf('/'));
  }

  /**
   * The publicity events with evidence in the audit trail, once the query side has caught up with
   * every event the command side holds (so a photo uploaded before is seen).
   */
  private static Set<String> withEvidence(LedgerClient street, AuditTrail auditTrail) {
    LedgerResponse verdict = street.get("/api/audit/verify");
    if (verdict.status() != 200) {
      throw new IllegalStateException("GET /api/audit/verify: " + verdict);
    }
    long recorded = verdict.body().path("checked").asLong();
    long deadline = System.nanoTime() + CATCH_UP_TIMEOUT.toNanos();
    long seen = auditTrail.total();
    while (seen < recorded) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException(
            "the query side's audit trail holds "
                + seen
                + " of the command side's "
                + recorded
                + " events after "
                + CATCH_UP_TIMEOUT
                + ": not loading, so that no photo is uploaded twice");
      }
      sleep(Duration.ofMillis(250));
      seen = auditTrail.total();
    }
    Set<String> found = new HashSet<>();
    for (JsonNode entry : auditTrail.entries(Map.of("type", "EvidenceSubmitted"))) {
      found.add(entry.path("payload").path("publishEventId").asText());
    }
    log.info("demo year: {} publicity events have evidence already", found.size());
    return found;
  }

  private static void sleep(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for the query side", e);
    }
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
            LedgerClient as = commandSide.as(item.user(), item.user());
            tally.add(
                item,
                item.isUpload()
                    ? as.upload(
                        item.path(),
                        publishEventOf(item) + "." + item.evidence().extension(),
                        item.evidence().mediaType(),
                        item.evidence().bytes(),
                        Map.of("kind", "PHOTO"))
                    : as.post(item.path(), item.body()));
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
    private final AtomicInteger uploadsSkipped = new AtomicInteger();
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
