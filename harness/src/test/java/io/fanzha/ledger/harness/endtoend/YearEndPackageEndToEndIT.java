package io.fanzha.ledger.harness.endtoend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fanzha.ledger.harness.client.LedgerClient;
import io.fanzha.ledger.harness.client.LedgerResponse;
import io.fanzha.ledger.harness.stack.LedgerStack;
import io.fanzha.ledger.harness.verify.YearPackageVerifier;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The year-end review end to end: the street office seals the year so far, the auditor downloads
 * the year-end package, and {@code ./verify} checks it offline; after one stored event is altered
 * directly in the event store, both the server's verification and {@code ./verify} name it.
 */
class YearEndPackageEndToEndIT {

  private static LedgerStack stack;

  @BeforeAll
  static void startStack() {
    stack = TestStacks.inMemory(YearEndPackageEndToEndIT.class);
  }

  @AfterAll
  static void stopStack() {
    if (stack != null) {
      stack.stop();
    }
  }

  @Test
  void aSealedYearVerifiesOfflineAndAnAlteredEventIsNamed(@TempDir Path dir) throws Exception {
    // Given a little history, sealed by the street office
    int year = TestStreet.today().getYear();
    LedgerClient street = LedgerClient.of(stack.commandUrl()).as("street", "street");
    for (String id : new String[] {"yp-1", "yp-2", "yp-3"}) {
      TestStreet.created(
          street.post("/api/units", Map.of("id", id, "name", id + "社区", "kind", "COMMUNITY")));
    }
    LedgerResponse seal =
        TestStreet.created(
            street.post(
                "/api/audit/seals",
                Map.of("id", "yp-" + year, "from", year + "-01-01", "to", year + "-12-31")));
    assertThat(seal.body().path("headHash").asText()).hasSize(64);

    // When the auditor downloads the year-end package (once the chain has linked the seal too)
    Path intact = dir.resolve("intact.zip");
    downloadWhenChained(year, intact);

    // Then it verifies, in process and through ./verify
    YearPackageVerifier.Result result = new YearPackageVerifier().verify(intact);
    assertThat(result.intact()).as(result.reason()).isTrue();
    assertThat(result.seals()).isEqualTo(1);
    assertThat(verifyScript(intact).exitCode()).isZero();

    // When one stored event is altered directly in the event store
    String victim;
    byte[] original;
    try (Connection db = DriverManager.getConnection(stack.jdbcUrl(), "sa", "")) {
      try (PreparedStatement find =
              db.prepareStatement(
                  "SELECT event_identifier, payload FROM domain_event_entry"
                      + " WHERE aggregate_identifier = 'unit:yp-2'");
          ResultSet rs = find.executeQuery()) {
        rs.next();
        victim = rs.getString(1);
        original = rs.getBytes(2);
      }
      try (PreparedStatement forge =
          db.prepareStatement(
              "UPDATE domain_event_entry SET payload = ? WHERE event_identifier = ?")) {
        forge.setBytes(
            1,
            new String(original, StandardCharsets.UTF_8)
                .replace("社区", "街道")
                .getBytes(StandardCharsets.UTF_8));
        forge.setString(2, victim);
        forge.executeUpdate();
      }
    }
    Path forged = dir.resolve("forged.zip");
    downloadWhenChained(year, forged);

    // Then the server's verification and the offline check both name that event
    LedgerResponse verdict =
        LedgerClient.of(stack.commandUrl()).as("auditor", "auditor").get("/api/audit/verify");
    assertThat(verdict.body().path("valid").asBoolean()).isFalse();
    assertThat(verdict.body().path("firstMismatch").path("eventId").asText()).isEqualTo(victim);
    assertThat(new YearPackageVerifier().verify(forged).brokenEventId()).isEqualTo(victim);
    Script script = verifyScript(forged);
    assertThat(script.exitCode()).isEqualTo(1);
    assertThat(script.output()).contains(victim);
  }

  private static void downloadWhenChained(int year, Path target) {
    HttpClient http = HttpClient.newHttpClient();
    URI uri = stack.queryUrl().resolve("/api/audit/packages/" + year);
    String auth =
        "Basic "
            + Base64.getEncoder()
                .encodeToString("auditor:auditor".getBytes(StandardCharsets.UTF_8));
    await()
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(500))
        .until(
            () -> {
              HttpResponse<Path> response =
                  http.send(
                      HttpRequest.newBuilder(uri).header("Authorization", auth).GET().build(),
                      HttpResponse.BodyHandlers.ofFile(target));
              return response.statusCode() == 200;
            });
  }

  record Script(int exitCode, String output) {}

  private static Script verifyScript(Path zip) throws Exception {
    Process process =
        new ProcessBuilder(
                "bash", TestStacks.repoRoot().resolve("verify").toString(), zip.toString())
            .redirectErrorStream(true)
            .start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    return new Script(process.waitFor(), output);
  }
}
