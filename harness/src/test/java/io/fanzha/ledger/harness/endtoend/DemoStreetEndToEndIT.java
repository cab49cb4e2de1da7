package io.fanzha.ledger.harness.endtoend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.fanzha.ledger.harness.client.AuditTrail;
import io.fanzha.ledger.harness.client.LedgerClient;
import io.fanzha.ledger.harness.client.LedgerResponse;
import io.fanzha.ledger.harness.demo.DemoStreet;
import io.fanzha.ledger.harness.demo.StreetPlan;
import io.fanzha.ledger.harness.demo.StreetPlanRecorder.LoadReport;
import io.fanzha.ledger.harness.stack.LedgerStack;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The demo street of {@code ./run --demo} loads through the API, and loads only once. */
class DemoStreetEndToEndIT {

  private static final Logger log = LoggerFactory.getLogger(DemoStreetEndToEndIT.class);

  private static LedgerStack stack;

  @BeforeAll
  static void startStack() {
    stack = TestStacks.inMemory(DemoStreetEndToEndIT.class);
  }

  @AfterAll
  static void stopStack() {
    if (stack != null) {
      stack.stop();
    }
  }

  @Test
  void loadingTheDemoStreetTwiceRecordsNothingTheSecondTime() {
    // Given the demo street of today, and the audit trail before it
    LocalDate today = DemoStreet.today();
    DemoStreet demo = new DemoStreet();
    StreetPlan plan = demo.plan(today);
    LedgerClient auditor = LedgerClient.of(stack.queryUrl()).as("auditor", "auditor");
    AuditTrail audit = new AuditTrail(auditor);
    long before = TestStacks.settledRequestCaused(audit);

    // When it is loaded
    long started = System.nanoTime();
    LoadReport first = demo.load(stack.commandUrl(), stack.queryUrl(), today);
    log.info(
        "first load: {} in {} ms", first, Duration.ofNanos(System.nanoTime() - started).toMillis());

    // Then every request was accepted and each recorded one fact (the deadlines of the months
    // already past, which the campaign's launch makes fire, record their own facts besides)
    assertThat(first.refusals()).isEmpty();
    assertThat(first.evidenceSkipped()).isZero();
    assertThat(plan.publishEvents()).isNotEmpty();
    long expected = before + first.requests();
    await()
        .atMost(Duration.ofSeconds(10))
        .pollInterval(Duration.ofMillis(200))
        .until(() -> TestStacks.requestCaused(audit) == expected);
    long total = TestStacks.settledAuditTotal(audit);
    log.info(
        "audit trail after the first load: {} entries, {} caused by requests", total, expected);

    // and the standings of the campaign list the four communities
    LedgerResponse standings =
        LedgerClient.of(stack.queryUrl())
            .as("leader", "leader")
            .get("/api/scorecards?campaignId=" + plan.campaign().id());
    assertThat(standings.status()).isEqualTo(200);
    assertThat(standings.body()).hasSize(4);
    for (JsonNode row : standings.body()) {
      assertThat(row.path("unitName").asText()).endsWith("社区");
    }

    // When it is loaded again, this time uploading every file again
    LoadReport second = demo.load(stack.commandUrl(), null, today);
    log.info("second load: {}", second);

    // Then the ledger answers as the first time and records nothing new
    assertThat(second.refusals()).isEmpty();
    assertThat(second.requests()).isEqualTo(first.requests());
    await()
        .during(TestStacks.SETTLED)
        .atMost(TestStacks.SETTLED.multipliedBy(2))
        .pollInterval(Duration.ofMillis(200))
        .until(() -> TestStacks.requestCaused(audit) == expected && audit.total() == total);
    assertThat(audit.entries(Map.of("unitId", plan.units().get(1).id()))).isNotEmpty();
  }
}
