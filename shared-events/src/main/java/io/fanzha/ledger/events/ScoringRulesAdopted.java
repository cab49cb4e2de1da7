package io.fanzha.ledger.events;

import java.time.LocalDate;
import org.axonframework.serialization.Revision;

/** The campaign scores by this rulebook from {@code effectiveFrom} on; earlier days keep theirs. */
@Revision("1")
public record ScoringRulesAdopted(String campaignId, Rulebook rulebook, LocalDate effectiveFrom) {}
