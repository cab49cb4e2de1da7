package io.fanzha.ledger.command.recording;

import io.fanzha.ledger.platform.web.Refusal;

/** An account tried to record for a unit other than its own. */
public class ForeignUnit extends Refusal {

  public ForeignUnit(String unitId) {
    super(
        403, "foreign-unit", "Your account may record only for its own unit, not " + unitId + ".");
  }
}
