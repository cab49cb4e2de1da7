package io.fanzha.ledger.events;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * A lead was neither acknowledged nor given an outcome by {@code acknowledgeBy}, the end of the
 * acknowledgement window after it was reported; recorded once, by the deadline mechanism.
 */
@Revision("1")
public record LeadEscalated(
    String leadId, String reportingUnitId, String campaignId, Instant acknowledgeBy) {}
