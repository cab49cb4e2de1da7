package io.fanzha.ledger.query.web;

import io.fanzha.ledger.platform.web.Refusal;

/** A community or partner account asked about a unit other than its own; answered 403. */
public class NotYourUnit extends Refusal {

  public NotYourUnit(String unitId) {
    super(403, "forbidden", "Your account may read only its own unit, not " + unitId + ".");
  }
}
