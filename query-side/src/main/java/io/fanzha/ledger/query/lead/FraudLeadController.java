package io.fanzha.ledger.query.lead;

import io.fanzha.ledger.events.Role;
import io.fanzha.ledger.platform.security.CurrentUser;
import io.fanzha.ledger.platform.security.LedgerUser;
import io.fanzha.ledger.query.web.BadQuery;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The leads a user may see: all of them, or for a unit account its own unit's. */
@RestController
@RequestMapping("/api/fraud-leads")
class FraudLeadController {

  private static final Logger log = LoggerFactory.getLogger(FraudLeadController.class);

  private final FraudLeads leads;

  FraudLeadController(FraudLeads leads) {
    this.leads = leads;
  }

  @GetMapping
  List<FraudLead> leads(@RequestParam(required = false) String status) {
    LeadStatus wanted = status == null || status.isEmpty() ? null : parse(status);
    LedgerUser user = CurrentUser.require();
    boolean ownUnitOnly = user.role() == Role.COMMUNITY || user.role() == Role.PARTNER;
    if (ownUnitOnly && user.unitId() == null) {
      return List.of();
    }
    List<FraudLead> found = leads.find(ownUnitOnly ? user.unitId() : null, wanted);
    log.debug("{} leads for {} ({})", found.size(), user.username(), user.role());
    return found;
  }

  private static LeadStatus parse(String status) {
    try {
      return LeadStatus.valueOf(status);
    } catch (IllegalArgumentException unknown) {
      throw new BadQuery(
          "status",
          "must be one of "
              + Arrays.stream(LeadStatus.values())
                  .map(Enum::name)
                  .collect(Collectors.joining(", ")));
    }
  }
}
