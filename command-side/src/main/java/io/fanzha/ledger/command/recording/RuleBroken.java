package io.fanzha.ledger.command.recording;

import io.fanzha.ledger.platform.web.Refusal;
import java.util.List;

/** A well-formed request that a business rule refuses (422). */
public class RuleBroken extends Refusal {

  public RuleBroken(String field, String detail) {
    super(422, "rule-broken", detail, List.of(new FieldProblem(field, detail)));
  }
}
