package io.fanzha.ledger.query;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/** Days of the ledger are days in Asia/Shanghai: where one begins and where it ends. */
public final class LedgerDays {

  public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

  private LedgerDays() {}

  public static Instant startOf(LocalDate day) {
    return day.atStartOfDay(ZONE).toInstant();
  }

  /** The first instant after the day: a fact belongs to the day when it is strictly before this. */
  public static Instant endOf(LocalDate day) {
    return startOf(day.plusDays(1));
  }

  public static LocalDate dayOf(Instant instant) {
    return instant.atZone(ZONE).toLocalDate();
  }
}
