package io.fanzha.ledger.platform.web;

import java.util.List;

/**
 * A request the ledger will not carry out. Named subclasses say why; the problem handler turns each
 * into application/problem+json with its status, once, for every endpoint.
 */
public abstract class Refusal extends RuntimeException {

  private final int status;
  private final String type;
  private final List<FieldProblem> errors;

  protected Refusal(int status, String type, String detail, List<FieldProblem> errors) {
    super(detail);
    this.status = status;
    this.type = type;
    this.errors = List.copyOf(errors);
  }

  protected Refusal(int status, String type, String detail) {
    this(status, type, detail, List.of());
  }

  public int status() {
    return status;
  }

  /** Short slug of the problem type, e.g. {@code unknown-reference}. */
  public String type() {
    return type;
  }

  public List<FieldProblem> errors() {
    return errors;
  }

  /** One field that is wrong and why. */
  public record FieldProblem(String field, String message) {}
}
