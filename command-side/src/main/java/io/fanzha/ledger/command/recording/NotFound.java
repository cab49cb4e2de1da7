package io.fanzha.ledger.command.recording;

import io.fanzha.ledger.platform.web.Refusal;

/** The id in the path names nothing recorded. */
public class NotFound extends Refusal {

  public NotFound(String what, String id) {
    super(404, "not-found", "No " + what + " with id " + id + " is recorded.");
  }
}
