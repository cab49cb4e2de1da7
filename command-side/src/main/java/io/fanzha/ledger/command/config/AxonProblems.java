package io.fanzha.ledger.command.config;

import io.fanzha.ledger.platform.web.ProblemHandler;
import io.fanzha.ledger.platform.web.StoreUnavailable;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** What Axon itself may refuse, in the shape of every other refusal. */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class AxonProblems {

  private static final Logger log = LoggerFactory.getLogger(AxonProblems.class);

  /** Only path ids reach an aggregate that must already exist, so this is a 404. */
  @ExceptionHandler(AggregateNotFoundException.class)
  ResponseEntity<ProblemDetail> notFound(AggregateNotFoundException e) {
    String id = String.valueOf(e.getAggregateIdentifier());
    String resource = id == null ? "" : id.substring(id.indexOf(':') + 1);
    return answer(
        ProblemHandler.problem(
            HttpStatus.NOT_FOUND, "not-found", "Nothing is recorded under id " + resource + "."));
  }

  /**
   * Two requests wrote the same stream at once; the other one won, this one recorded nothing. Axon
   * takes an append cut off by a broken connection for a duplicate key as well: that is the store
   * being away (503), not a race.
   */
  @ExceptionHandler({ConcurrencyException.class, AggregateStreamCreationException.class})
  ResponseEntity<?> conflict(RuntimeException e) {
    if (StoreUnavailable.isCause(e)) {
      return ProblemHandler.storeUnavailable(e);
    }
    log.info("concurrent write refused: {}", e.getClass().getSimpleName());
    return answer(
        ProblemHandler.problem(
            HttpStatus.CONFLICT,
            "concurrent-write",
            "Another request changed the same record at the same moment; repeat the request."));
  }

  private static ResponseEntity<ProblemDetail> answer(ProblemDetail problem) {
    return ResponseEntity.status(problem.getStatus())
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .body(problem);
  }
}
