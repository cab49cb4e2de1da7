package io.fanzha.ledger.platform.web;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.fanzha.ledger.platform.access.AccessKind;
import io.fanzha.ledger.platform.access.AccessTrail;
import jakarta.validation.ConstraintViolationException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.lang.Nullable;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every refusal of either application, answered once as application/problem+json (RFC 9457): {@code
 * type, title, status, detail} and, for validation, {@code errors[{field, message}]}.
 */
@RestControllerAdvice
public class ProblemHandler extends ResponseEntityExceptionHandler {

  private static final Logger log = LoggerFactory.getLogger(ProblemHandler.class);

  private final String maxUpload;
  private final AccessTrail accessTrail;

  public ProblemHandler(
      @Value("${spring.servlet.multipart.max-file-size:1MB}") String maxUpload,
      AccessTrail accessTrail) {
    this.maxUpload = maxUpload;
    this.accessTrail = accessTrail;
  }

  @ExceptionHandler(Refusal.class)
  ResponseEntity<Object> refused(Refusal refusal) {
    log.info("refused: {} ({})", refusal.type(), refusal.status());
    if (refusal.status() == HttpStatus.FORBIDDEN.value()) {
      // e.g. a community recording for another: refused by the ledger, not by the URL rules
      accessTrail.record(AccessKind.FORBIDDEN, refusal.type());
    }
    ProblemDetail problem =
        problem(HttpStatus.valueOf(refusal.status()), refusal.type(), refusal.getMessage());
    if (!refusal.errors().isEmpty()) {
      problem.setProperty("errors", refusal.errors());
    }
    return answer(problem);
  }

  @ExceptionHandler(ConstraintViolationException.class)
  ResponseEntity<Object> invalidParameter(ConstraintViolationException e) {
    List<Refusal.FieldProblem> errors =
        e.getConstraintViolations().stream()
            .map(
                v -> {
                  String path = v.getPropertyPath().toString();
                  return new Refusal.FieldProblem(
                      path.substring(path.lastIndexOf('.') + 1), v.getMessage());
                })
            .toList();
    return validation(errors);
  }

  @ExceptionHandler(MethodArgumentTypeMismatchException.class)
  ResponseEntity<Object> typeMismatch(MethodArgumentTypeMismatchException e) {
    return validation(List.of(new Refusal.FieldProblem(e.getName(), "has the wrong type")));
  }

  @Override
  protected ResponseEntity<Object> handleMaxUploadSizeExceededException(
      MaxUploadSizeExceededException e,
      HttpHeaders headers,
      HttpStatusCode status,
      WebRequest request) {
    return answer(
        problem(
            HttpStatus.PAYLOAD_TOO_LARGE,
            "body-too-large",
            "The upload is larger than the limit of " + maxUpload + "."));
  }

  /** A multipart body that cannot be parsed (no boundary, cut short): the caller's fault. */
  @ExceptionHandler(MultipartException.class)
  ResponseEntity<Object> malformedMultipart(MultipartException e) {
    log.info("refused: malformed multipart body");
    return answer(
        problem(
            HttpStatus.BAD_REQUEST,
            "malformed-multipart",
            "The request body is not a readable multipart/form-data upload."));
  }

  @Override
  protected ResponseEntity<Object> handleMethodArgumentNotValid(
      MethodArgumentNotValidException e,
      HttpHeaders headers,
      HttpStatusCode status,
      WebRequest request) {
    List<Refusal.FieldProblem> errors = new ArrayList<>();
    e.getBindingResult()
        .getFieldErrors()
        .forEach(f -> errors.add(new Refusal.FieldProblem(f.getField(), f.getDefaultMessage())));
    e.getBindingResult()
        .getGlobalErrors()
        .forEach(
            g -> errors.add(new Refusal.FieldProblem(g.getObjectName(), g.getDefaultMessage())));
    return validation(errors);
  }

  @Override
  protected ResponseEntity<Object> handleHandlerMethodValidationException(
      HandlerMethodValidationException e,
      HttpHeaders headers,
      HttpStatusCode status,
      WebRequest request) {
    List<Refusal.FieldProblem> errors = new ArrayList<>();
    e.getParameterValidationResults()
        .forEach(
            r ->
                r.getResolvableErrors()
                    .forEach(
                        err ->
                            errors.add(
                                new Refusal.FieldProblem(
                                    r.getMethodParameter().getParameterName(),
                                    err.getDefaultMessage()))));
    return validation(errors);
  }

  @Override
  protected ResponseEntity<Object> handleMissingServletRequestParameter(
      MissingServletRequestParameterException e,
      HttpHeaders headers,
      HttpStatusCode status,
      WebRequest request) {
    return validation(List.of(new Refusal.FieldProblem(e.getParameterName(), "is required")));
  }

  @Override
  protected ResponseEntity<Object> handleMissingServletRequestPart(
      MissingServletRequestPartException e,
      HttpHeaders headers,
      HttpStatusCode status,
      WebRequest request) {
    return validation(List.of(new Refusal.FieldProblem(e.getRequestPartName(), "is required")));
  }

  @Override
  protected ResponseEntity<Object> handleHttpMessageNotReadable(
      HttpMessageNotReadableException e,
      HttpHeaders headers,
      HttpStatusCode status,
      WebRequest request) {
    Throwable cause = e.getCause();
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof BodySizeLimit.BodyTooLarge tooLarge) {
        return answer(
            problem(HttpStatus.PAYLOAD_TOO_LARGE, "body-too-large", tooLarge.getMessage()));
      }
    }
    if (cause instanceof UnrecognizedPropertyException unknown) {
      return validation(List.of(new Refusal.FieldProblem(path(unknown), "is not a known field")));
    }
    if (cause instanceof InvalidFormatException invalid && invalid.getTargetType().isEnum()) {
      String allowed =
          Arrays.stream(invalid.getTargetType().getEnumConstants())
              .map(Object::toString)
              .collect(Collectors.joining(", "));
      return validation(
          List.of(new Refusal.FieldProblem(path(invalid), "must be one of " + allowed)));
    }
    if (cause instanceof MismatchedInputException mismatch && !mismatch.getPath().isEmpty()) {
      return validation(List.of(new Refusal.FieldProblem(path(mismatch), "has the wrong type")));
    }
    if (cause instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
      return validation(List.of(new Refusal.FieldProblem(path(mapping), "cannot be read")));
    }
    return answer(
        problem(HttpStatus.BAD_REQUEST, "malformed-json", "The request body is not valid JSON."));
  }

  @Override
  protected ResponseEntity<Object> handleExceptionInternal(
      Exception e,
      @Nullable Object body,
      HttpHeaders headers,
      HttpStatusCode statusCode,
      WebRequest request) {
    // Spring's own refusals (405, 406, 415 …): keep the status, answer in our shape.
    HttpStatus status = HttpStatus.valueOf(statusCode.value());
    ProblemDetail problem =
        problem(status, slug(status), body instanceof ProblemDetail p ? p.getDetail() : null);
    return ResponseEntity.status(status)
        .headers(headers)
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .body(problem);
  }

  @ExceptionHandler(Exception.class)
  ResponseEntity<Object> unexpected(Exception e) {
    if (StoreUnavailable.isCause(e)) {
      return storeUnavailable(e);
    }
    log.error("unexpected failure", e);
    return answer(
        problem(
            HttpStatus.INTERNAL_SERVER_ERROR,
            "internal",
            "The ledger could not handle the request; nothing was recorded by it."));
  }

  /**
   * 503 with {@code Retry-After} for a failure {@link StoreUnavailable#isCause} names: the event
   * store or MongoDB is away, the caller may try again, nothing was recorded.
   */
  public static ResponseEntity<Object> storeUnavailable(Throwable e) {
    log.warn("store unavailable: {}", StoreUnavailable.describe(e));
    return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
        .header(HttpHeaders.RETRY_AFTER, Long.toString(StoreUnavailable.RETRY_AFTER_SECONDS))
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .body(
            problem(
                HttpStatus.SERVICE_UNAVAILABLE,
                "store-unavailable",
                "A store of the ledger cannot be reached; nothing was recorded. Try again later."));
  }

  private ResponseEntity<Object> validation(List<Refusal.FieldProblem> errors) {
    ProblemDetail problem =
        problem(HttpStatus.BAD_REQUEST, "validation", "The request has invalid fields.");
    problem.setProperty("errors", errors);
    return answer(problem);
  }

  public static ProblemDetail problem(HttpStatus status, String slug, String detail) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
    problem.setType(ProblemTypes.of(slug));
    problem.setTitle(status.getReasonPhrase());
    return problem;
  }

  private static ResponseEntity<Object> answer(ProblemDetail problem) {
    return ResponseEntity.status(problem.getStatus())
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .body(problem);
  }

  private static String slug(HttpStatus status) {
    return status.getReasonPhrase().toLowerCase().replace(' ', '-');
  }

  private static String path(JsonMappingException e) {
    StringBuilder path = new StringBuilder();
    for (JsonMappingException.Reference ref : e.getPath()) {
      if (ref.getFieldName() != null) {
        path.append(path.isEmpty() ? "" : ".").append(ref.getFieldName());
      } else if (ref.getIndex() >= 0) {
        path.append('[').append(ref.getIndex()).append(']');
      }
    }
    return path.toString();
  }
}
