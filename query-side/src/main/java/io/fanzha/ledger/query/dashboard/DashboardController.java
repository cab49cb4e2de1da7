package io.fanzha.ledger.query.dashboard;

import java.time.LocalDate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/** The dashboard's data, one community's drill-down, and the stream that says when to ask again. */
@RestController
@RequestMapping("/api/dashboard")
class DashboardController {

  private static final Logger log = LoggerFactory.getLogger(DashboardController.class);

  private final Dashboard dashboard;
  private final DashboardFeed feed;

  DashboardController(Dashboard dashboard, DashboardFeed feed) {
    this.dashboard = dashboard;
    this.feed = feed;
  }

  @GetMapping
  DashboardView view(
      @RequestParam(required = false) String campaignId,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
          LocalDate asOf) {
    DashboardView view = dashboard.view(blankAsNull(campaignId), asOf);
    log.debug(
        "dashboard of {} as of {}: {} communities",
        view.campaignId(),
        view.asOf(),
        view.ranking().size());
    return view;
  }

  @GetMapping("/{campaignId}/{unitId}")
  CommunityDrillDown drillDown(
      @PathVariable String campaignId,
      @PathVariable String unitId,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
          LocalDate asOf) {
    return dashboard.drillDown(campaignId, unitId, asOf);
  }

  /**
   * Server-sent events: {@code ready} at once, then {@code facts} whenever the read models move.
   */
  @GetMapping(path = "/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
  SseEmitter stream() {
    return feed.open();
  }

  private static String blankAsNull(String value) {
    return value == null || value.isBlank() ? null : value;
  }
}
