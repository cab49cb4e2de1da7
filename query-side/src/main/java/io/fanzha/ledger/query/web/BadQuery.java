package io.fanzha.ledger.query.web;

import io.fanzha.ledger.platform.web.Refusal;
import java.util.List;

/** A query parameter the read model cannot use; answered 400 with the field and why. */
public class BadQuery extends Refusal {

  public BadQuery(String field, String message) {
    super(
        400,
        "validation",
        "The request has invalid fields.",
        List.of(new FieldProblem(field, message)));
  }
}
