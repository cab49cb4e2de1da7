package io.fanzha.ledger.events;

import java.math.BigDecimal;
import java.util.List;
import org.axonframework.serialization.Revision;

/** The street office deducted points (扣分) from a unit, naming the events the decision rests on. */
@Revision("1")
public record UnitPenalized(
    String penaltyId,
    String campaignId,
    String unitId,
    BigDecimal points,
    PenaltyReason reasonCode,
    String description,
    List<String> basisEventIds) {

  public UnitPenalized {
    basisEventIds = basisEventIds == null ? List.of() : List.copyOf(basisEventIds);
  }
}
