package io.fanzha.ledger.events;

import org.axonframework.serialization.Revision;

/**
 * The police confirmed they hold a lead, from the queue or the pull feed. Acknowledging again
 * records nothing; an outcome acknowledges too.
 */
@Revision("1")
public record LeadAcknowledged(String leadId, String reportingUnitId, String campaignId) {}
