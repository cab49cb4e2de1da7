package io.fanzha.ledger.events;

import org.axonframework.serialization.Revision;

/** The unit reports the rectification done. */
@Revision("1")
public record RectificationCompleted(
    String rectificationId, String campaignId, String unitId, String note) {}
