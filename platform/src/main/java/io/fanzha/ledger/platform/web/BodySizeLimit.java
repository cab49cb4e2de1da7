package io.fanzha.ledger.platform.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses a JSON body larger than the configured limit with 413 before anything reads it. Multipart
 * uploads have their own limit (spring.servlet.multipart); a body sent without a length is cut at
 * the limit by the reader and refused the same way.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
public class BodySizeLimit extends OncePerRequestFilter {

  private final long maxJsonBytes;
  private final ObjectMapper objectMapper;

  public BodySizeLimit(
      @Value("${fanzha.web.max-json-body:256KB}") DataSize maxJsonBody, ObjectMapper objectMapper) {
    this.maxJsonBytes = maxJsonBody.toBytes();
    this.objectMapper = objectMapper;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String contentType = request.getContentType();
    boolean multipart = contentType != null && contentType.startsWith("multipart/");
    if (!multipart && request.getContentLengthLong() > maxJsonBytes) {
      ProblemDetail problem =
          ProblemDetail.forStatusAndDetail(
              HttpStatus.PAYLOAD_TOO_LARGE,
              "The request body is larger than " + maxJsonBytes + " bytes.");
      problem.setType(ProblemTypes.of("body-too-large"));
      problem.setTitle("Request body too large");
      response.setStatus(HttpStatus.PAYLOAD_TOO_LARGE.value());
      response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
      objectMapper.writeValue(response.getOutputStream(), problem);
      return;
    }
    chain.doFilter(multipart ? request : new LimitedBody(request, maxJsonBytes), response);
  }

  /** Thrown by the reader when a body sent without a length grows past the limit. */
  public static class BodyTooLarge extends IOException {
    BodyTooLarge(long limit) {
      super("The request body is larger than " + limit + " bytes.");
    }
  }

  private static final class LimitedBody extends HttpServletRequestWrapper {
    private final long limit;

    LimitedBody(HttpServletRequest request, long limit) {
      super(request);
      this.limit = limit;
    }

    @Override
    public ServletInputStream getInputStream() throws IOException {
      ServletInputStream in = super.getInputStream();
      return new ServletInputStream() {
        private long read;

        @Override
        public int read() throws IOException {
          int b = in.read();
          if (b >= 0 && ++read > limit) {
            throw new BodyTooLarge(limit);
          }
          return b;
        }

        @Override
        public int read(byte[] buffer, int off, int len) throws IOException {
          int n = in.read(buffer, off, len);
          if (n > 0 && (read += n) > limit) {
            throw new BodyTooLarge(limit);
          }
          return n;
        }

        @Override
        public boolean isFinished() {
          return in.isFinished();
        }

        @Override
        public boolean isReady() {
          return in.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
          in.setReadListener(listener);
        }
      };
    }
  }
}
