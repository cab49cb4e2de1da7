package io.fanzha.ledger.events;

import java.math.BigDecimal;
import org.axonframework.serialization.Revision;

/** The street office commended a unit (奖优), awarding points. */
@Revision("1")
public record UnitCommended(
    String commendationId, String campaignId, String unitId, BigDecimal points, String reason) {}
