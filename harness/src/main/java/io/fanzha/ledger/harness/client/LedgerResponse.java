package io.fanzha.ledger.harness.client;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpHeaders;

/**
 * What the ledger answered: the status, the body as a JSON tree (a text node when the body is not
 * JSON, a missing node when it is empty) and the headers.
 */
public record LedgerResponse(int status, JsonNode body, HttpHeaders headers) {

  public boolean isSuccess() {
    return status >= 200 && status < 300;
  }

  /** The first value of a header, or {@code null}. */
  public String header(String name) {
    return headers.firstValue(name).orElse(null);
  }

  /** A field of the body as text, or {@code null} when it is absent. */
  public String text(String field) {
    JsonNode value = body.path(field);
    return value.isMissingNode() || value.isNull() ? null : value.asText();
  }

  @Override
  public String toString() {
    return status + " " + body;
  }
}
