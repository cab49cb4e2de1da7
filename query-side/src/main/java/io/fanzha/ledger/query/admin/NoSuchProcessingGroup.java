package io.fanzha.ledger.query.admin;

import io.fanzha.ledger.platform.web.Refusal;

/** The path names a processor or processing group the query side does not run; 404. */
public class NoSuchProcessingGroup extends Refusal {

  NoSuchProcessingGroup(String name) {
    super(404, "not-found", "No event processor " + name + " runs here.");
  }
}
