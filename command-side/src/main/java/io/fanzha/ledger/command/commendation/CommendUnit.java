package io.fanzha.ledger.command.commendation;

import io.fanzha.ledger.command.recording.StreamIds;
import java.math.BigDecimal;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record CommendUnit(
    String commendationId, String campaignId, String unitId, BigDecimal points, String reason) {

  @TargetAggregateIdentifier
  public String streamId() {
    return StreamIds.commendation(commendationId);
  }
}
