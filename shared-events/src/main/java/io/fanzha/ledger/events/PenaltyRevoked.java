package io.fanzha.ledger.events;

import org.axonframework.serialization.Revision;

/** A penalty was withdrawn; its points count no more from the moment of revocation. */
@Revision("1")
public record PenaltyRevoked(String penaltyId, String campaignId, String unitId, String reason) {}
