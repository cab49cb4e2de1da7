package io.fanzha.ledger.query.audit;

import io.fanzha.ledger.platform.web.RequestIds;
import io.fanzha.ledger.query.web.BadQuery;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalLong;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The audit trail: a page (by number or after a cursor), one event in full, or a filtered range as
 * CSV or xlsx. Every read is recorded in {@code audit_reads}, which auditors list.
 */
@RestController
@RequestMapping("/api/audit")
class AuditController {

  static final int DEFAULT_SIZE = 50;
  static final int MAX_SIZE = 500;
  static final int MAX_EXPORT = 100_000;
  static final MediaType CSV = MediaType.parseMediaType("text/csv;charset=UTF-8");
  static final MediaType XLSX =
      MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
  private static final Logger log = LoggerFactory.getLogger(AuditController.class);

  private final AuditTrail trail;
  private final AuditFrontier frontier;
  private final AuditReads reads;

  AuditController(AuditTrail trail, AuditFrontier frontier, AuditReads reads) {
    this.trail = trail;
    this.frontier = frontier;
    this.reads = reads;
  }

  @GetMapping
  ResponseEntity<AuditPage> trail(
      @RequestParam(required = false) String unitId,
      @RequestParam(required = false) String aggregateId,
      @RequestParam(required = false) String type,
      @RequestParam(required = false) String actor,
      @RequestParam(required = false) String role,
      @RequestParam(required = false) String requestId,
      @RequestParam(required = false) String from,
      @RequestParam(required = false) String to,
      @RequestParam(required = false) Integer page,
      @RequestParam(required = false) Integer size,
      @RequestParam(required = false) Long after,
      @RequestParam(required = false) Integer limit,
      @RequestHeader(name = HttpHeaders.ACCEPT, required = false) String accept,
      HttpServletRequest request,
      HttpServletResponse response)
      throws IOException {
    AuditFilter filter =
        AuditFilter.parse(unitId, aggregateId, type, actor, role, requestId, from, to);
    if (after != null && after < -1) {
      throw new BadQuery("after", "must be a position of the log, -1 or more");
    }
    if (after != null && page != null) {
      throw new BadQuery("after", "give either a cursor or a page, not both");
    }
    MediaType file = fileAsked(accept);
    if (file != null) {
      export(filter, after, file, request, response);
      return null;
    }
    AuditPage answer;
    Map<String, String> asked = new LinkedHashMap<>(filter.given());
    if (after != null || limit != null) {
      int count = bounded("limit", limit);
      long cursor = after == null ? -1 : after;
      answer = trail.after(filter, cursor, count, frontier.settledThrough());
      asked.put("after", Long.toString(cursor));
      asked.put("limit", Integer.toString(count));
    } else {
      int number = page == null ? 0 : page;
      if (number < 0) {
        throw new BadQuery("page", "must be 0 or more");
      }
      int count = bounded("size", size);
      answer = trail.page(filter, number, count);
      asked.put("page", Integer.toString(number));
      asked.put("size", Integer.toString(count));
    }
    reads.record(RequestIds.of(request), request.getRequestURI(), asked, answer.items().size());
    log.debug("audit: {} of {} matches for {}", answer.items().size(), answer.total(), filter);
    return ResponseEntity.ok(answer);
  }

  @GetMapping("/events/{eventId}")
  AuditEventDetail event(@PathVariable String eventId, HttpServletRequest request) {
    AuditEventDetail detail;
    try {
      detail = AuditEventDetail.of(trail.event(eventId));
    } catch (NoSuchAuditEvent unknown) {
      reads.record(RequestIds.of(request), request.getRequestURI(), Map.of(), 0);
      throw unknown;
    }
    reads.record(RequestIds.of(request), request.getRequestURI(), Map.of(), 1);
    return detail;
  }

  @GetMapping("/reads")
  AuditReads.ReadsPage readsOfTheTrail(
      @RequestParam(defaultValue = "0") int page,
      @RequestParam(defaultValue = "" + DEFAULT_SIZE) int size) {
    if (page < 0) {
      throw new BadQuery("page", "must be 0 or more");
    }
    return reads.page(page, bounded("size", size));
  }

  private void export(
      AuditFilter filter,
      Long after,
      MediaType format,
      HttpServletRequest request,
      HttpServletResponse response)
      throws IOException {
    OptionalLong cursor = after == null ? OptionalLong.empty() : OptionalLong.of(after);
    long matches = trail.count(filter, cursor);
    if (matches > MAX_EXPORT) {
      throw new TooManyToExport(matches, MAX_EXPORT);
    }
    Map<String, String> asked = new LinkedHashMap<>(filter.given());
    cursor.ifPresent(a -> asked.put("after", Long.toString(a)));
    asked.put("format", format == XLSX ? "xlsx" : "csv");
    reads.record(RequestIds.of(request), request.getRequestURI(), asked, matches);
    response.setStatus(200);
    response.setContentType(format.toString());
    response.setHeader(
        HttpHeaders.CONTENT_DISPOSITION,
        ContentDisposition.attachment()
            .filename("audit." + (format == XLSX ? "xlsx" : "csv"))
            .build()
            .toString());
    try (Stream<AuditEntry> entries = trail.stream(filter, cursor);
        OutputStream out = response.getOutputStream()) {
      if (format == XLSX) {
        AuditFiles.xlsx(entries.iterator(), out);
      } else {
        AuditFiles.csv(entries.iterator(), out);
      }
    }
    log.info("audit: exported {} events as {} for {}", matches, format, filter);
  }

  /** CSV or xlsx when the client asks for one of them, otherwise null for JSON. */
  private static MediaType fileAsked(String accept) {
    if (accept == null) {
      return null;
    }
    for (MediaType type : MediaType.parseMediaTypes(accept)) {
      if (type.isWildcardType() || type.isCompatibleWith(MediaType.APPLICATION_JSON)) {
        return null;
      }
      if (type.isCompatibleWith(CSV)) {
        return CSV;
      }
      if (type.isCompatibleWith(XLSX)) {
        return XLSX;
      }
    }
    return null;
  }

  private static int bounded(String field, Integer value) {
    int count = value == null ? DEFAULT_SIZE : value;
    if (count < 1 || count > MAX_SIZE) {
      throw new BadQuery(field, "must be between 1 and " + MAX_SIZE);
    }
    return count;
  }
}
