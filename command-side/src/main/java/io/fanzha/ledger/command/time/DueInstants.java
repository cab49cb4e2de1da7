package io.fanzha.ledger.command.time;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;

/**
 * When things fall due, by the boundaries of domain.md, all in Asia/Shanghai: a day ends at 00:00
 * of the next; a month has fully elapsed at 00:00 on the next month's first day.
 */
public final class DueInstants {

  private DueInstants() {}

  public static Instant endOf(LocalDate day) {
    return day.plusDays(1).atStartOfDay(LedgerClock.SHANGHAI).toInstant();
  }

  public static Instant monthElapsed(YearMonth month) {
    return month.plusMonths(1).atDay(1).atStartOfDay(LedgerClock.SHANGHAI).toInstant();
  }

  /** The due day of a month's report: the given day, or the month's last where it is shorter. */
  public static LocalDate reportDueDate(YearMonth month, int dueDay) {
    return month.atDay(Math.min(dueDay, month.lengthOfMonth()));
  }

  /** The evidence window closes at the end of the 7th day after the event's date. */
  public static LocalDate evidenceWindowLastDay(LocalDate heldOn, int windowDays) {
    return heldOn.plusDays(windowDays);
  }

  public static LocalDate today(Instant now) {
    return LocalDate.ofInstant(now, LedgerClock.SHANGHAI);
  }
}
