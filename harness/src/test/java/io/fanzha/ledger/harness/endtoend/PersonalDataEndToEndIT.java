package io.fanzha.ledger.harness.endtoend;

import static io.fanzha.ledger.harness.endtoend.TestStreet.created;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fanzha.ledger.harness.client.LedgerClient;
import io.fanzha.ledger.harness.client.LedgerResponse;
import io.fanzha.ledger.harness.stack.LedgerStack;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;

/**
 * Reporters' names and phone numbers through a whole scenario over real sockets: leads with
 * reporters, outcomes, reads of the lead list and the audit trail, an erasure, the year-end
 * package. None of them may appear in any process's log, in any answer the query side gives, or in
 * the package.
 */
class PersonalDataEndToEndIT {

  static final Map<String, String> REPORTERS =
      Map.of(
          "赵桂兰", "13911110001",
          "钱建国", "13911110002",
          "孙丽", "13911110003");

  @Test
  void noReporterNameOrPhoneReachesTheLogsTheAnswersOrTheYearEndPackage() throws Exception {
    List<String> served = new ArrayList<>();
    Path logs;
    try (LedgerStack stack = TestStacks.inMemory(PersonalDataEndToEndIT.class)) {
      logs = stack.logFile(LedgerStack.COMMAND_SIDE).getParent();
      // Given leads reported with their reporters, one outcome, and reads of everything
      TestStreet street = TestStreet.create(stack);
      List<String> leadIds = new ArrayList<>();
      for (Map.Entry<String, String> reporter : REPORTERS.entrySet()) {
        String leadId = "lead-" + leadIds.size() + "-" + street.run();
        leadIds.add(leadId);
        created(
            street
                .community()
                .post(
                    "/api/fraud-leads",
                    Map.of(
                        "id", leadId,
                        "reportingUnitId", street.communityId(),
                        "discoveredOn", TestStreet.today().toString(),
                        "category", "FAKE_CUSTOMER_SERVICE",
                        "summary", "冒充客服退款",
                        "suspect", Map.of("phones", List.of("4001234567")),
                        "reporter",
                            Map.of("name", reporter.getKey(), "phone", reporter.getValue()))));
      }
      LedgerClient police = LedgerClient.of(stack.commandUrl()).as("police", "police");
      assertThat(
              police
                  .post(
                      "/api/fraud-leads/" + leadIds.get(0) + "/outcome",
                      Map.of("outcome", "UNDER_INVESTIGATION"))
                  .status())
          .isEqualTo(200);
      LedgerResponse disclosed =
          police.post("/api/fraud-leads/" + leadIds.get(1) + "/reporter-disclosures", Map.of());
      assertThat(disclosed.status()).as(disclosed.toString()).isEqualTo(200);
      // When one reporter is erased on request
      LedgerResponse erased =
          street.street().post("/api/data-subjects/erasure", Map.of("phone", "+86 139 1111 0002"));
      assertThat(erased.status()).as(erased.toString()).isEqualTo(200);

      // Then the query side serves the leads, their audit entries and the package without them
      LedgerClient queryPolice = LedgerClient.of(stack.queryUrl()).as("police", "police");
      LedgerClient auditor = LedgerClient.of(stack.queryUrl()).as("auditor", "auditor");
      await()
          .atMost(Duration.ofSeconds(30))
          .untilAsserted(
              () ->
                  assertThat(
                          auditor
                              .get("/api/audit?type=PersonalDataErased")
                              .body()
                              .path("total")
                              .asInt())
                      .isEqualTo(1));
      served.add(queryPolice.get("/api/fraud-leads").body().toString());
      for (String leadId : leadIds) {
        LedgerResponse page = auditor.get("/api/audit?aggregateId=" + leadId);
        served.add(page.body().toString());
        for (String eventId : page.body().findValuesAsText("eventId")) {
          served.add(auditor.get("/api/audit/events/" + eventId).body().toString());
        }
      }
      served.add(packageText(stack, TestStreet.today().getYear()));
    }

    List<String> logText = new ArrayList<>();
    try (Stream<Path> files = Files.walk(logs)) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        logText.add(Files.readString(file, StandardCharsets.UTF_8));
      }
    }
    assertThat(logText).as("the stack's logs").isNotEmpty();
    for (Map.Entry<String, String> reporter : REPORTERS.entrySet()) {
      assertThat(logText).noneMatch(text -> text.contains(reporter.getKey()));
      assertThat(logText).noneMatch(text -> text.contains(reporter.getValue()));
      assertThat(served).noneMatch(text -> text.contains(reporter.getKey()));
      assertThat(served).noneMatch(text -> text.contains(reporter.getValue()));
    }
  }

  /** Every entry of the year-end package, as text, once it is ready. */
  private static String packageText(LedgerStack stack, int year) throws Exception {
    HttpClient http = HttpClient.newHttpClient();
    URI uri = stack.queryUrl().resolve("/api/audit/packages/" + year);
    String auth =
        "Basic "
            + Base64.getEncoder()
                .encodeToString("auditor:auditor".getBytes(StandardCharsets.UTF_8));
    byte[][] zip = new byte[1][];
    await()
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(500))
        .until(
            () -> {
              HttpResponse<byte[]> response =
                  http.send(
                      HttpRequest.newBuilder(uri).header("Authorization", auth).GET().build(),
                      HttpResponse.BodyHandlers.ofByteArray());
              zip[0] = response.body();
              return response.statusCode() == 200;
            });
    StringBuilder text = new StringBuilder();
    try (ZipInputStream entries = new ZipInputStream(new ByteArrayInputStream(zip[0]))) {
      for (ZipEntry entry = entries.getNextEntry(); entry != null; entry = entries.getNextEntry()) {
        text.append(new String(entries.readAllBytes(), StandardCharsets.UTF_8));
      }
    } catch (IOException e) {
      throw new IllegalStateException("the package is not a zip", e);
    }
    assertThat(text).as("the package's contents").isNotEmpty();
    return text.toString();
  }
}
