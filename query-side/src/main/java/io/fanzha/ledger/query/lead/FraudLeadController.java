package io.fanzha.ledger.query.lead;

import io.fanzha.ledger.events.Role;
import io.fanzha.ledger.platform.security.CurrentUser;
import io.fanzha.ledger.platform.security.LedgerUser;
import io.fanzha.ledger.query.web.BadQuery;
import io.fanzha.ledger.query.web.NotYourUnit;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The leads a user may see: all of them, or for a unit account its own unit's. */
@RestController
@RequestMapping("/api/fraud-leads")
class FraudLeadController {

  private static final Logger log = LoggerFactory.getLogger(FraudLeadController.class);

  private final FraudLeads leads;
  private final LeadClock clock;

  FraudLeadController(FraudLeads leads, LeadClock clock) {
    this.leads = leads;
    this.clock = clock;
  }

  @GetMapping
  List<FraudLead> leads(
      @RequestParam(required = false) String status, @RequestParam(required = false) String state) {
    LeadStatus wantedStatus =
        status == null || status.isEmpty() ? null : parse(LeadStatus.class, "status", status);
    LeadState wantedState =
        state == null || state.isEmpty() ? null : parse(LeadState.class, "state", state);
    LedgerUser user = CurrentUser.require();
    boolean ownUnitOnly = ownUnitOnly(user);
    if (ownUnitOnly && user.unitId() == null) {
      return List.of();
    }
    List<FraudLead> found =
        leads.find(ownUnitOnly ? user.unitId() : null, wantedStatus, wantedState, clock.now());
    log.debug("{} leads for {} ({})", found.size(), user.username(), user.role());
    return found;
  }

  /** One lead with its links; a unit account reads only its own unit's (403 otherwise). */
  @GetMapping("/{id}")
  FraudLead lead(@PathVariable String id) {
    LedgerUser user = CurrentUser.require();
    boolean ownUnitOnly = ownUnitOnly(user);
    FraudLead lead =
        leads
            .get(id, ownUnitOnly ? user.unitId() : null, clock.now())
            .orElseThrow(() -> new NoSuchLead(id));
    if (ownUnitOnly && !lead.reportingUnitId().equals(user.unitId())) {
      throw new NotYourUnit(lead.reportingUnitId());
    }
    return lead;
  }

  private static boolean ownUnitOnly(LedgerUser user) {
    return user.role() == Role.COMMUNITY || user.role() == Role.PARTNER;
  }

  private static <E extends Enum<E>> E parse(Class<E> type, String field, String value) {
    try {
      return Enum.valueOf(type, value);
    } catch (IllegalArgumentException unknown) {
      throw new BadQuery(
          field,
          "must be one of "
              + Arrays.stream(type.getEnumConstants())
                  .map(Enum::name)
                  .collect(Collectors.joining(", ")));
    }
  }
}
