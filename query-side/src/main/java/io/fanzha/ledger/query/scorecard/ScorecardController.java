package io.fanzha.ledger.query.scorecard;

import io.fanzha.ledger.events.Role;
import io.fanzha.ledger.platform.security.CurrentUser;
import io.fanzha.ledger.platform.security.LedgerUser;
import io.fanzha.ledger.query.web.BadQuery;
import io.fanzha.ledger.query.web.NotYourUnit;
import java.time.LocalDate;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The standings of a campaign and one community's scorecard, as of a day if asked. */
@RestController
@RequestMapping("/api/scorecards")
class ScorecardController {

  private static final Logger log = LoggerFactory.getLogger(ScorecardController.class);

  private final Scorecards scorecards;

  ScorecardController(Scorecards scorecards) {
    this.scorecards = scorecards;
  }

  @GetMapping
  List<ScorecardRow> standings(
      @RequestParam String campaignId,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
          LocalDate asOf) {
    if (campaignId.isBlank()) {
      throw new BadQuery("campaignId", "is required");
    }
    List<ScorecardRow> rows = scorecards.standings(campaignId, asOf);
    log.debug("standings of {} as of {}: {} communities", campaignId, asOf, rows.size());
    return rows;
  }

  @GetMapping("/{campaignId}/{unitId}")
  ScorecardDetail detail(
      @PathVariable String campaignId,
      @PathVariable String unitId,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
          LocalDate asOf) {
    LedgerUser user = CurrentUser.require();
    boolean boundToAUnit = user.role() == Role.COMMUNITY || user.role() == Role.PARTNER;
    if (boundToAUnit && !user.isBoundTo(unitId)) {
      throw new NotYourUnit(unitId);
    }
    return scorecards.detail(campaignId, unitId, asOf);
  }
}
