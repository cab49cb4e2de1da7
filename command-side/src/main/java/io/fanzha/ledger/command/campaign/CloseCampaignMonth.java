package io.fanzha.ledger.command.campaign;

import io.fanzha.ledger.command.recording.StreamIds;
import java.time.YearMonth;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Sent by the deadline sweep when a month of the campaign has fully elapsed. */
public record CloseCampaignMonth(String campaignId, YearMonth month) {

  @TargetAggregateIdentifier
  public String streamId() {
    return StreamIds.campaign(campaignId);
  }
}
