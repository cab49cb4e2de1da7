package io.fanzha.ledger.events;

import java.time.LocalDate;
import org.axonframework.serialization.Revision;

/** A fraud lead (线索) found by a unit, e.g. on a door-to-door visit, for the police. */
@Revision("1")
public record FraudLeadReported(
    String leadId,
    String reportingUnitId,
    String campaignId,
    LocalDate discoveredOn,
    FraudCategory category,
    String summary,
    Suspect suspect,
    Reporter reporter) {}
