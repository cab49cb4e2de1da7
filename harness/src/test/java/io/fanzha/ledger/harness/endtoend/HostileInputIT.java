package io.fanzha.ledger.harness.endtoend;

import static org.assertj.core.api.Assertions.assertThat;

import io.fanzha.ledger.harness.stack.LedgerStack;
import io.fanzha.ledger.harness.torture.EventStore;
import io.fanzha.ledger.harness.torture.Fuzz;
import io.fanzha.ledger.harness.torture.HostileRequest;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * The short version of {@code ./torture}'s hostile-input scenario: a few hundred generated
 * malformed and oversized requests ({@code HostileRequests}) to every endpoint of the README's
 * matrix on both sides, with the credentials of each role. Every answer is below 500, names no
 * exception and shows no stack trace, is problem+json when it is a 4xx, and the event table does
 * not grow. The examples are the defects the generator found, kept as regressions.
 */
class HostileInputIT {

  private static LedgerStack stack;
  private static Fuzz.Street street;
  private static EventStore events;
  private static long recordedBefore;

  @BeforeContainer
  static void startStack() {
    stack = TestStacks.inMemory(HostileInputIT.class);
    street = Fuzz.openAccounts(stack, TestStacks.unique());
    events = new EventStore(stack.jdbcUrl());
    recordedBefore = events.count();
  }

  @AfterContainer
  static void stopStack() {
    if (stack != null) {
      stack.close();
    }
  }

  @Property(tries = 300, seed = "20270401")
  void aHostileRequestIsRefusedCleanlyAndRecordsNothing(
      @ForAll("hostileRequests") HostileRequest request) {
    Fuzz.Verdict verdict = Fuzz.check(stack, request);

    assertThat(verdict.broken()).as("%s", request).isEmpty();
    assertThat(verdict.status()).isBetween(200, 499);
    assertThat(events.count()).as("events after %s", request).isEqualTo(recordedBefore);
  }

  @Provide
  Arbitrary<HostileRequest> hostileRequests() {
    return Fuzz.requests(TestStacks.repoRoot(), street);
  }

  @Example
  void aMultipartUploadWithoutBoundaryIsA400NotA500() {
    // was 500: Spring's MultipartException reached the catch-all handler
    HostileRequest upload =
        request(
            "command",
            "POST",
            "/api/publish-events/none/evidence",
            List.of(auth("police"), Map.entry("Content-Type", "multipart/form-data")),
            "--x\r\nContent-Disposition: form-data; name=\"file\"\r\n\r\nabc\r\n--x--\r\n");

    assertRefusedAsProblem(upload, 400);
  }

  @Example
  void aRequestTargetTomcatRejectsIsProblemJsonNotTomcatsHtmlPage() {
    // was Tomcat's HTML error page: brackets are not allowed raw in a request target
    HostileRequest brackets =
        request(
            "query", "GET", "/api/feeds/police-leads?unitId[$ne]=x", List.of(auth("police")), "");

    assertRefusedAsProblem(brackets, 400);
  }

  @Example
  void aHeaderTooLargeIsProblemJson() {
    HostileRequest padded =
        request(
            "command",
            "GET",
            "/api/audit/verify",
            List.of(auth("street"), Map.entry("X-Padding", "p".repeat(20_000))),
            "");

    assertRefusedAsProblem(padded, 400);
  }

  @Example
  void aPathTheFirewallRejectsIsProblemJsonNotBootsErrorJson() {
    // was Spring Boot's {timestamp, status, error, path}: an empty id makes "//" in the path
    HostileRequest doubleSlash =
        request(
            "command",
            "POST",
            "/api/campaigns//tasks",
            List.of(auth("street"), Map.entry("Content-Type", "application/json")),
            "{}");

    assertRefusedAsProblem(doubleSlash, 400);
  }

  private static void assertRefusedAsProblem(HostileRequest request, int status) {
    Fuzz.Verdict verdict = Fuzz.check(stack, request);
    assertThat(verdict.status()).isEqualTo(status);
    assertThat(verdict.broken()).isEmpty();
    assertThat(events.count()).isEqualTo(recordedBefore);
  }

  private static HostileRequest request(
      String side,
      String method,
      String target,
      List<Map.Entry<String, String>> headers,
      String body) {
    return new HostileRequest(
        side,
        method + " " + target,
        "regression",
        "example",
        method,
        target,
        headers,
        body.getBytes(StandardCharsets.UTF_8));
  }

  private static Map.Entry<String, String> auth(String user) {
    return Map.entry(
        "Authorization",
        "Basic "
            + Base64.getEncoder()
                .encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8)));
  }
}
