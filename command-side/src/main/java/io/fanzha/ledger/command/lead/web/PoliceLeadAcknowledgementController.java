package io.fanzha.ledger.command.lead.web;

import io.fanzha.ledger.command.lead.LeadAcknowledgements;
import io.fanzha.ledger.platform.web.LedgerId;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** The pull feed's acknowledgement call: the leads a police system has taken from the feed. */
@RestController
@Validated
class PoliceLeadAcknowledgementController {

  private final LeadAcknowledgements acknowledgements;

  PoliceLeadAcknowledgementController(LeadAcknowledgements acknowledgements) {
    this.acknowledgements = acknowledgements;
  }

  record AcknowledgementsRequest(
      @NotNull @Size(min = 1, max = 500) List<@NotNull @LedgerId String> leadIds) {}

  @PostMapping("/api/feeds/police-leads/acknowledgements")
  LeadAcknowledgements.Outcome acknowledge(@Valid @RequestBody AcknowledgementsRequest request) {
    return acknowledgements.acknowledge(request.leadIds());
  }
}
