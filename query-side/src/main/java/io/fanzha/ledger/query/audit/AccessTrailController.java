package io.fanzha.ledger.query.audit;

import io.fanzha.ledger.platform.access.AccessKind;
import io.fanzha.ledger.platform.access.AccessTrail;
import io.fanzha.ledger.query.web.BadQuery;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The access trail for auditors: refused authorisations (on either side), accounts locked, and
 * reads of personal data. Reads of the audit trail itself are at {@code /api/audit/reads}.
 */
@RestController
class AccessTrailController {

  private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

  private final AccessTrail trail;

  AccessTrailController(AccessTrail trail) {
    this.trail = trail;
  }

  @GetMapping("/api/access-trail")
  AccessTrail.Page page(
      @RequestParam(required = false) String kind,
      @RequestParam(required = false) String actor,
      @RequestParam(required = false) String from,
      @RequestParam(required = false) String to,
      @RequestParam(defaultValue = "0") int page,
      @RequestParam(defaultValue = "" + AuditController.DEFAULT_SIZE) int size) {
    if (page < 0) {
      throw new BadQuery("page", "must be 0 or more");
    }
    if (size < 1 || size > AuditController.MAX_SIZE) {
      throw new BadQuery("size", "must be between 1 and " + AuditController.MAX_SIZE);
    }
    Instant fromInstant = from == null ? null : instant("from", from, false);
    Instant toInstant = to == null ? null : instant("to", to, true);
    if (fromInstant != null && toInstant != null && toInstant.isBefore(fromInstant)) {
      throw new BadQuery("to", "must not be before from");
    }
    return trail.page(kind(kind), actor, fromInstant, toInstant, page, size);
  }

  private static AccessKind kind(String kind) {
    if (kind == null) {
      return null;
    }
    try {
      return AccessKind.valueOf(kind);
    } catch (IllegalArgumentException unknown) {
      throw new BadQuery("kind", "must be one of " + Arrays.toString(AccessKind.values()));
    }
  }

  /** An instant, or a day in Asia/Shanghai: {@code to} a day means up to that day's end. */
  private static Instant instant(String field, String value, boolean end) {
    try {
      if (value.length() == 10) {
        LocalDate day = LocalDate.parse(value);
        return (end ? day.plusDays(1) : day).atStartOfDay(SHANGHAI).toInstant();
      }
      return Instant.parse(value);
    } catch (DateTimeException bad) {
      throw new BadQuery(field, "must be a date (YYYY-MM-DD) or an instant (ISO-8601, UTC)");
    }
  }
}
