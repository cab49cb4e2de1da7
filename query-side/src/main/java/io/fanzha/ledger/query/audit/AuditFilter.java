package io.fanzha.ledger.query.audit;

import io.fanzha.ledger.query.LedgerDays;
import io.fanzha.ledger.query.web.BadQuery;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What an auditor asked for; every part optional. {@code from} is inclusive; {@code to} is
 * inclusive too, and a date given for it means the whole day (Asia/Shanghai).
 */
record AuditFilter(
    String unitId,
    String aggregateId,
    String type,
    String actor,
    String role,
    String requestId,
    Instant from,
    TimeBound to) {

  /** An upper time bound: an instant included, or the first instant past a day, excluded. */
  record TimeBound(Instant at, boolean inclusive) {

    /** Whether nothing at or after {@code start} can be within this bound. */
    boolean endsBefore(Instant start) {
      return inclusive ? at.isBefore(start) : !at.isAfter(start);
    }
  }

  static AuditFilter parse(
      String unitId,
      String aggregateId,
      String type,
      String actor,
      String role,
      String requestId,
      String from,
      String to) {
    Instant fromInstant = from == null ? null : startBound("from", from);
    TimeBound toBound = to == null ? null : endBound("to", to);
    if (fromInstant != null && toBound != null && toBound.endsBefore(fromInstant)) {
      throw new BadQuery("to", "must not be before from");
    }
    return new AuditFilter(
        blankToNull(unitId),
        blankToNull(aggregateId),
        blankToNull(type),
        blankToNull(actor),
        blankToNull(role),
        blankToNull(requestId),
        fromInstant,
        toBound);
  }

  /** The parts given, by their query parameter names, as an access record names them. */
  Map<String, String> given() {
    Map<String, String> given = new LinkedHashMap<>();
    putIfGiven(given, "unitId", unitId);
    putIfGiven(given, "aggregateId", aggregateId);
    putIfGiven(given, "type", type);
    putIfGiven(given, "actor", actor);
    putIfGiven(given, "role", role);
    putIfGiven(given, "requestId", requestId);
    putIfGiven(given, "from", from == null ? null : from.toString());
    putIfGiven(given, "to", to == null ? null : (to.inclusive() ? "<=" : "<") + to.at());
    return given;
  }

  private static void putIfGiven(Map<String, String> given, String name, String value) {
    if (value != null) {
      given.put(name, value);
    }
  }

  private static Instant startBound(String field, String value) {
    Instant instant = instant(value);
    if (instant != null) {
      return instant;
    }
    return LedgerDays.startOf(date(field, value));
  }

  private static TimeBound endBound(String field, String value) {
    Instant instant = instant(value);
    if (instant != null) {
      return new TimeBound(instant, true);
    }
    return new TimeBound(LedgerDays.endOf(date(field, value)), false);
  }

  private static Instant instant(String value) {
    try {
      return OffsetDateTime.parse(value).toInstant();
    } catch (DateTimeParseException notAnOffsetDateTime) {
      try {
        return ZonedDateTime.parse(value).toInstant();
      } catch (DateTimeParseException notAZonedDateTime) {
        return null;
      }
    }
  }

  private static LocalDate date(String field, String value) {
    try {
      return LocalDate.parse(value);
    } catch (DateTimeParseException e) {
      throw new BadQuery(field, "must be a date YYYY-MM-DD or an ISO-8601 instant with zone");
    }
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value;
  }
}
