package io.fanzha.ledger.query.audit;

import io.fanzha.ledger.platform.web.Refusal;

/** The path names an event the audit trail does not hold; 404. */
public class NoSuchAuditEvent extends Refusal {

  NoSuchAuditEvent(String eventId) {
    super(404, "not-found", "No event " + eventId + " is in the audit trail.");
  }
}
