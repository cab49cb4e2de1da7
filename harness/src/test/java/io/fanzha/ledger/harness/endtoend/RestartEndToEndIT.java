package io.fanzha.ledger.harness.endtoend;

import static io.fanzha.ledger.harness.endtoend.TestStreet.created;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.fanzha.ledger.harness.client.AuditTrail;
import io.fanzha.ledger.harness.client.LedgerClient;
import io.fanzha.ledger.harness.client.LedgerResponse;
import io.fanzha.ledger.harness.stack.LedgerStack;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The embedded default on disk keeps the ledger, the read models and the accounts. */
class RestartEndToEndIT {

  private static final Logger log = LoggerFactory.getLogger(RestartEndToEndIT.class);

  @TempDir Path data;

  private LedgerStack stack;

  @AfterEach
  void stopStack() {
    if (stack != null) {
      stack.stop();
    }
  }

  @Test
  void aKilledQuerySideComesBackWithItsReadModels() {
    // Given a stack on disk holding a community's publicity event
    stack = TestStacks.persistent(RestartEndToEndIT.class, data);
    TestStreet street = TestStreet.create(stack);
    created(
        street
            .community()
            .post(
                "/api/publish-events",
                street.publishEvent("pe-" + street.run(), TestStreet.today())));
    long before = TestStacks.settledAuditTotal(new AuditTrail(street.auditor()));

    // When the query side is killed (SIGKILL) and started again
    stack.killQuerySide();
    assertThat(stack.queryProcess().isAlive()).isFalse();
    Duration restart = stack.restartQuerySide();
    log.info("query side back in {} ms", restart.toMillis());

    // Then its audit trail holds what it held
    AuditTrail audit = new AuditTrail(LedgerClient.of(stack.queryUrl()).as("auditor", "auditor"));
    assertThat(audit.total()).isEqualTo(before);
  }

  @Test
  void aRestartedStackKeepsTheAuditTrailTheScorecardAndTheAccounts() {
    // Given a stack on disk holding a community's publicity event and a penalty
    stack = TestStacks.persistent(RestartEndToEndIT.class, data);
    log.info("stack on disk started in {} ms", stack.startUpTime().toMillis());
    TestStreet street = TestStreet.create(stack);
    LocalDate today = TestStreet.today();
    Map<String, Object> publishEvent = street.publishEvent("pe-" + street.run(), today);
    created(street.community().post("/api/publish-events", publishEvent));
    created(street.street().post("/api/penalties", street.penalty("pen-" + street.run(), 2)));
    String scorecardPath = "/api/scorecards/" + street.campaignId() + "/" + street.communityId();
    await()
        .atMost(Duration.ofSeconds(10))
        .pollInterval(Duration.ofMillis(100))
        .ignoreExceptions()
        .until(
            () -> {
              JsonNode card = street.leader().get(scorecardPath).body();
              return card.path("lines").size() > 1
                  && card.path("publicityEventsByMonth").size() == 1;
            });
    long auditBefore = TestStacks.settledAuditTotal(new AuditTrail(street.auditor()));
    JsonNode scorecardBefore = street.leader().get(scorecardPath).body();

    // When the whole stack stops and starts again on the same data
    stack.stop();
    stack = TestStacks.persistent(RestartEndToEndIT.class, data);
    log.info("stack restarted on its data in {} ms", stack.startUpTime().toMillis());
    LedgerClient query = LedgerClient.of(stack.queryUrl());
    LedgerClient command = LedgerClient.of(stack.commandUrl());
    AuditTrail audit = new AuditTrail(query.as("auditor", "auditor"));

    // Then the audit trail and the scorecard are as they were
    assertThat(audit.total()).isEqualTo(auditBefore);
    LedgerResponse scorecardAfter = query.as("leader", "leader").get(scorecardPath);
    assertThat(scorecardAfter.status()).isEqualTo(200);
    assertThat(scorecardAfter.body()).isEqualTo(scorecardBefore);

    // and the community's account still logs in: repeating its create answers as before
    LedgerResponse repeated =
        command
            .as(street.communityUser(), street.communityUser())
            .post("/api/publish-events", publishEvent);
    assertThat(repeated.status()).as("answer %s", repeated).isEqualTo(201);
    LedgerResponse wrongPassword =
        command
            .as(street.communityUser(), "not-the-password")
            .post("/api/publish-events", publishEvent);
    assertThat(wrongPassword.status()).isEqualTo(401);

    // and neither the repeat nor the demo accounts opened again at start recorded anything
    await()
        .during(TestStacks.SETTLED)
        .atMost(TestStacks.SETTLED.multipliedBy(2))
        .until(() -> audit.total() == auditBefore);
  }
}
