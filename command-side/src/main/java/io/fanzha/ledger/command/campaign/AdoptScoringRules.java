package io.fanzha.ledger.command.campaign;

import io.fanzha.ledger.command.recording.StreamIds;
import io.fanzha.ledger.events.Rulebook;
import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record AdoptScoringRules(String campaignId, Rulebook rulebook, LocalDate effectiveFrom) {

  @TargetAggregateIdentifier
  public String streamId() {
    return StreamIds.campaign(campaignId);
  }
}
