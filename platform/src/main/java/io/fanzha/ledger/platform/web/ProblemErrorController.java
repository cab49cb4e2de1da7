package io.fanzha.ledger.platform.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.web.servlet.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The error page, in the place of Spring Boot's: what a filter refused with {@code sendError} (the
 * firewall's 400 for {@code //}, {@code %25} or {@code ;} in a path) is problem+json like every
 * other refusal. Says only the status, never the exception.
 */
@RestController
public class ProblemErrorController implements ErrorController {

  @RequestMapping("${server.error.path:/error}")
  ResponseEntity<ProblemDetail> error(HttpServletRequest request) {
    Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
    HttpStatus status =
        code instanceof Integer value && HttpStatus.resolve(value) != null
            ? HttpStatus.valueOf(value)
            : HttpStatus.INTERNAL_SERVER_ERROR;
    String detail =
        status.is5xxServerError()
            ? "The ledger could not handle the request; nothing was recorded by it."
            : "The request was refused; nothing was recorded.";
    ProblemDetail problem =
        ProblemHandler.problem(
            status, status.getReasonPhrase().toLowerCase().replace(' ', '-'), detail);
    return ResponseEntity.status(status)
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .body(problem);
  }
}
