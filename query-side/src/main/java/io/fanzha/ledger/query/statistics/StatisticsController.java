package io.fanzha.ledger.query.statistics;

import io.fanzha.ledger.events.Role;
import io.fanzha.ledger.platform.security.CurrentUser;
import io.fanzha.ledger.platform.security.LedgerUser;
import io.fanzha.ledger.query.web.BadQuery;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * A campaign's statistics table for a month, as JSON, CSV or xlsx. Community and partner accounts
 * see their own unit's row only.
 */
@RestController
@RequestMapping("/api/campaigns")
class StatisticsController {

  private static final Logger log = LoggerFactory.getLogger(StatisticsController.class);

  private final Statistics statistics;

  StatisticsController(Statistics statistics) {
    this.statistics = statistics;
  }

  @GetMapping("/{campaignId}/statistics")
  ResponseEntity<?> table(
      @PathVariable String campaignId,
      @RequestParam String month,
      @RequestHeader(name = HttpHeaders.ACCEPT, required = false) String accept)
      throws HttpMediaTypeNotAcceptableException {
    YearMonth yearMonth = parse(month);
    StatisticsFormat format = StatisticsFormat.accepting(accept);
    LedgerUser user = CurrentUser.require();
    boolean ownUnitOnly = user.role() == Role.COMMUNITY || user.role() == Role.PARTNER;
    StatisticsTable table;
    if (ownUnitOnly && user.unitId() == null) {
      statistics.title(campaignId);
      table = new StatisticsTable(campaignId, yearMonth.toString(), List.of());
    } else {
      table = statistics.table(campaignId, yearMonth, ownUnitOnly ? user.unitId() : null);
    }
    log.debug(
        "statistics of {} for {} as {}: {} rows", campaignId, month, format, table.rows().size());
    if (format == StatisticsFormat.JSON) {
      return ResponseEntity.ok().contentType(format.mediaType).body(table);
    }
    byte[] file =
        format == StatisticsFormat.CSV
            ? StatisticsFiles.csv(table)
            : StatisticsFiles.xlsx(table, statistics.title(campaignId));
    return ResponseEntity.ok()
        .contentType(format.mediaType)
        .header(
            HttpHeaders.CONTENT_DISPOSITION,
            ContentDisposition.attachment()
                .filename("statistics-" + campaignId + "-" + month + "." + format.extension)
                .build()
                .toString())
        .body(file);
  }

  private static YearMonth parse(String month) {
    try {
      if (month.length() == 7) {
        return YearMonth.parse(month);
      }
    } catch (DateTimeParseException e) {
      // answered below
    }
    throw new BadQuery("month", "must be a month YYYY-MM");
  }
}
