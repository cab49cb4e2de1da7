package io.fanzha.ledger.query.admin;

import io.fanzha.ledger.platform.web.Refusal;

/** A rebuild of the processor is still running; 409. */
public class RebuildRunning extends Refusal {

  RebuildRunning(String name) {
    super(409, "rebuild-running", "A rebuild of " + name + " is running; wait for it to finish.");
  }
}
