package io.fanzha.ledger.events;

import org.axonframework.serialization.Revision;

/** The police recorded what became of a lead; a later outcome replaces an earlier one. */
@Revision("1")
public record LeadOutcomeRecorded(
    String leadId, String reportingUnitId, String campaignId, LeadOutcome outcome, String note) {}
