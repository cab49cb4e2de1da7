package io.fanzha.ledger.command.recording;

import io.fanzha.ledger.platform.web.Refusal;
import java.util.List;

/** The body names an id that the ledger does not know (422; in a path it is 404). */
public class UnknownReference extends Refusal {

  public UnknownReference(String field, String what, String id) {
    super(
        422,
        "unknown-reference",
        "No " + what + " with id " + id + " is recorded.",
        List.of(new FieldProblem(field, "no " + what + " with id " + id)));
  }
}
