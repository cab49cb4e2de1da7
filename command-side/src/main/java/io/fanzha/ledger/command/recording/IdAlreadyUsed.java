package io.fanzha.ledger.command.recording;

import io.fanzha.ledger.platform.web.Refusal;

/** A create repeated with the same id but a different body. */
public class IdAlreadyUsed extends Refusal {

  public IdAlreadyUsed(String what, String id) {
    super(409, "id-already-used", "The " + what + " id " + id + " is already used for other data.");
  }
}
