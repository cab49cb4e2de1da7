package io.fanzha.ledger.events;

import java.time.LocalDate;
import org.axonframework.serialization.Revision;

/** The 7 days after a publicity event ended; how much evidence it had by then. */
@Revision("1")
public record EvidenceWindowClosed(
    String publishEventId, String campaignId, String unitId, LocalDate heldOn, int evidenceCount) {}
