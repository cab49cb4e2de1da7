package io.fanzha.ledger.query.admin;

import io.fanzha.ledger.platform.web.Refusal;

/** The path names a sequence that holds no parked event; 404. */
public class NoSuchParkedSequence extends Refusal {

  NoSuchParkedSequence(String group, String sequenceId) {
    super(404, "not-found", "No event of sequence " + sequenceId + " is parked in " + group + ".");
  }
}
