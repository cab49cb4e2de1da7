package io.fanzha.ledger.query.audit;

import io.fanzha.ledger.query.web.BadQuery;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The audit trail, a page at a time. */
@RestController
@RequestMapping("/api/audit")
class AuditController {

  static final int DEFAULT_SIZE = 50;
  static final int MAX_SIZE = 500;
  private static final Logger log = LoggerFactory.getLogger(AuditController.class);

  private final AuditTrail trail;

  AuditController(AuditTrail trail) {
    this.trail = trail;
  }

  @GetMapping
  AuditPage page(
      @RequestParam(required = false) String unitId,
      @RequestParam(required = false) String aggregateId,
      @RequestParam(required = false) String type,
      @RequestParam(required = false) String actor,
      @RequestParam(required = false) String from,
      @RequestParam(required = false) String to,
      @RequestParam(defaultValue = "0") int page,
      @RequestParam(defaultValue = "" + DEFAULT_SIZE) int size) {
    if (page < 0) {
      throw new BadQuery("page", "must be 0 or more");
    }
    if (size < 1 || size > MAX_SIZE) {
      throw new BadQuery("size", "must be between 1 and " + MAX_SIZE);
    }
    AuditFilter filter = AuditFilter.parse(unitId, aggregateId, type, actor, from, to);
    AuditPage answer = trail.page(filter, page, size);
    log.debug("audit page {} of {} matches for {}", page, answer.total(), filter);
    return answer;
  }
}
