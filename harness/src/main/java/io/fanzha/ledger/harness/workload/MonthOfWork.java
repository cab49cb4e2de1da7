package io.fanzha.ledger.harness.workload;

import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.List;

/**
 * What is recorded in one step of the year, one of a month's weekly steps: first the simulation
 * clock is moved to {@code clock}, then each phase is sent in turn; the requests of one phase do
 * not depend on each other (they may be sent concurrently), a phase may depend on the ones before
 * it.
 *
 * @param month the month whose facts the step records (the final step records December's stragglers
 *     in the next year's January)
 * @param deadlineEvents how many time-based facts moving the clock to {@code clock} records (an
 *     estimate: month closed, reports missed, evidence windows closed, rectifications overdue)
 */
public record MonthOfWork(
    YearMonth month, OffsetDateTime clock, List<List<WorkItem>> phases, int deadlineEvents) {

  public MonthOfWork {
    phases = phases.stream().map(List::copyOf).toList();
  }

  public int requests() {
    return phases.stream().mapToInt(List::size).sum();
  }

  /** Events the accepted requests record, without the deadlines. */
  public int commandEvents() {
    return phases.stream().flatMap(List::stream).mapToInt(WorkItem::events).sum();
  }
}
