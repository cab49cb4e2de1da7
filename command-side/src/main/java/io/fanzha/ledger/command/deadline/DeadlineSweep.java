package io.fanzha.ledger.command.deadline;

import io.fanzha.ledger.command.campaign.CloseCampaignMonth;
import io.fanzha.ledger.command.lead.EscalateLead;
import io.fanzha.ledger.command.publishevent.CloseEvidenceWindow;
import io.fanzha.ledger.command.recording.Actor;
import io.fanzha.ledger.command.rectification.MarkRectificationOverdue;
import io.fanzha.ledger.command.report.MarkReportDeadline;
import io.fanzha.ledger.command.report.MarkYearEndReportDeadline;
import io.fanzha.ledger.command.time.LedgerClock;
import java.time.Instant;
import java.time.YearMonth;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.MetaData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Asks each aggregate to record what has fallen due, earliest first, each fact stamped with its own
 * due instant. Runs every few seconds on the system clock, and at once when the simulation clock is
 * moved.
 */
@Component
public class DeadlineSweep {

  private static final Logger log = LoggerFactory.getLogger(DeadlineSweep.class);
  private static final int BATCH = 500;

  private final Deadlines deadlines;
  private final CommandGateway commands;
  private final LedgerClock clock;

  public DeadlineSweep(Deadlines deadlines, CommandGateway commands, LedgerClock clock) {
    this.deadlines = deadlines;
    this.commands = commands;
    this.clock = clock;
  }

  @Scheduled(
      fixedDelayString = "${fanzha.deadlines.sweep-every:PT5S}",
      initialDelayString = "${fanzha.deadlines.first-sweep-after:PT5S}")
  public void sweep() {
    fireDueBy(clock.now());
  }

  /**
   * Fires every deadline due by {@code until}, including those that firing others brings due.
   *
   * @return how many fired
   */
  public synchronized int fireDueBy(Instant until) {
    int fired = 0;
    Set<String> failed = new HashSet<>();
    while (true) {
      List<Deadline> due =
          deadlines.dueBy(until, BATCH + failed.size()).stream()
              .filter(d -> !failed.contains(d.deadlineId()))
              .toList();
      if (due.isEmpty()) {
        break;
      }
      for (Deadline deadline : due) {
        try {
          fire(deadline);
          fired++;
        } catch (RuntimeException e) {
          // left unfired: the next sweep tries again; the others must not wait for it
          failed.add(deadline.deadlineId());
          log.warn("deadline {} did not fire: {}", deadline.deadlineId(), e.toString());
        }
      }
    }
    if (fired > 0) {
      log.info("deadlines: {} fired up to {}", fired, until);
    }
    return fired;
  }

  private void fire(Deadline deadline) {
    Object command = commandFor(deadline);
    MetaData metaData =
        MetaData.from(Actor.SYSTEM.asMetaData()).and("deadlineId", deadline.deadlineId());
    clock.stampedAt(
        deadline.dueAt(),
        () -> commands.sendAndWait(new GenericCommandMessage<>(command, metaData)));
    deadlines.markFired(deadline.deadlineId());
  }

  private static Object commandFor(Deadline d) {
    return switch (d.kind()) {
      case MONTH_CLOSE -> new CloseCampaignMonth(d.targetId(), YearMonth.parse(d.period()));
      case MONTHLY_REPORT ->
          new MarkReportDeadline(
              d.targetId(), d.unitId(), YearMonth.parse(d.period()), d.dueDate());
      case YEAR_END_REPORT -> new MarkYearEndReportDeadline(d.targetId(), d.unitId(), d.dueDate());
      case EVIDENCE_WINDOW -> new CloseEvidenceWindow(d.targetId());
      case RECTIFICATION -> new MarkRectificationOverdue(d.targetId());
      case LEAD_ACKNOWLEDGEMENT -> new EscalateLead(d.targetId(), d.dueAt());
    };
  }
}
