package io.fanzha.ledger.harness.torture;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * One generated request, as the bytes {@link RawHttp} writes: a method and request target that may
 * be malformed, headers that may repeat, a body that may be anything.
 *
 * @param side {@code command} or {@code query}
 * @param endpoint the matrix row it aims at, e.g. {@code POST /api/units}
 * @param attack what is wrong with it, for the report, e.g. {@code bad-json}
 * @param role whose credentials it carries ({@code none} or {@code hostile} when not valid ones)
 */
public record HostileRequest(
    String side,
    String endpoint,
    String attack,
    String role,
    String method,
    String target,
    List<Map.Entry<String, String>> headers,
    byte[] body) {

  public HostileRequest {
    headers = List.copyOf(headers);
  }

  /** A short description without the body, e.g. for a failed assertion. */
  @Override
  public String toString() {
    String shown = target.length() > 200 ? target.substring(0, 200) + "…" : target;
    String bodyStart =
        new String(body, 0, Math.min(body.length, 300), StandardCharsets.UTF_8)
            .replaceAll("\\p{Cntrl}", "?");
    return side
        + " "
        + endpoint
        + " ["
        + attack
        + ", as "
        + role
        + "]: "
        + method
        + " "
        + shown
        + " "
        + headers.stream().map(h -> h.getKey() + ": " + abbreviate(h.getValue(), 40)).toList()
        + " ("
        + body.length
        + " bytes: "
        + bodyStart
        + ")";
  }

  private static String abbreviate(String text, int max) {
    String shown = text.replaceAll("\\p{Cntrl}", "?");
    return shown.length() > max ? shown.substring(0, max) + "…(" + text.length() + ")" : shown;
  }
}
