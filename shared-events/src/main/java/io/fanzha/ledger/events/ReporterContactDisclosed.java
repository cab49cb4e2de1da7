package io.fanzha.ledger.events;

import org.axonframework.serialization.Revision;

/**
 * The police were given the contact of a lead's reporter, on request; who asked is in the event's
 * metadata. The contact itself is not repeated here.
 */
@Revision("1")
public record ReporterContactDisclosed(String leadId, String reportingUnitId, String campaignId) {}
