package io.fanzha.ledger.command.penalty;

import io.fanzha.ledger.command.recording.StreamIds;
import io.fanzha.ledger.events.PenaltyReason;
import java.math.BigDecimal;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record PenalizeUnit(
    String penaltyId,
    String campaignId,
    String unitId,
    BigDecimal points,
    PenaltyReason reasonCode,
    String description,
    List<String> basisEventIds) {

  @TargetAggregateIdentifier
  public String streamId() {
    return StreamIds.penalty(penaltyId);
  }
}
