package io.fanzha.ledger.harness.endtoend;

import static io.fanzha.ledger.harness.endtoend.TestStreet.created;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import io.fanzha.ledger.harness.client.AuditTrail;
import io.fanzha.ledger.harness.client.LedgerClient;
import io.fanzha.ledger.harness.client.LedgerResponse;
import io.fanzha.ledger.harness.stack.LedgerStack;
import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Two query-side instances on one MongoDB and one event store: every processor segment is claimed
 * by exactly one of them in the token store, both answer queries, and when the instance holding the
 * segments is killed (SIGKILL, its claims left behind) the other claims them once they time out and
 * its read models end equal to a rebuild of the whole log.
 */
class ScaleOutEndToEndIT {

  private static final Logger log = LoggerFactory.getLogger(ScaleOutEndToEndIT.class);
  private static final List<String> PROCESSORS =
      List.of(
          "audit", "dashboard", "fraud-leads", "police-lead-outbox", "scorecards", "statistics");
  // MongoTokenStore's claim timeout (10 s) plus the coordinator's look for free segments (5 s)
  private static final Duration TAKEOVER_BOUND = Duration.ofSeconds(25);

  private LedgerStack stack;

  @AfterEach
  void stopStack() {
    if (stack != null) {
      stack.stop();
    }
  }

  @Test
  void twoQuerySidesShareTheTokenStoreAndTheSurvivorTakesOverAfterAKill() throws Exception {
    // Given the stack and a second query-side instance, and facts recorded
    stack = TestStacks.inMemory(ScaleOutEndToEndIT.class);
    int second = stack.startExtraQuerySide();
    URI first = stack.queryUrl();
    URI other = stack.extraQueryUrl(second);
    TestStreet street = TestStreet.create(stack);
    for (int i = 0; i < 5; i++) {
      created(
          street
              .community()
              .post(
                  "/api/publish-events",
                  street.publishEvent("pe-" + street.run() + "-" + i, TestStreet.today())));
    }

    // Then every segment is claimed in the token store by one instance, and only one instance
    // reports holding it
    Map<String, String> owners =
        await()
            .atMost(Duration.ofSeconds(30))
            .until(this::owners, o -> o.size() == PROCESSORS.size() && !o.containsValue(null));
    assertThat(owners.keySet()).containsExactlyInAnyOrderElementsOf(PROCESSORS);
    Map<String, Integer> heldByFirst = held(first);
    Map<String, Integer> heldByOther = held(other);
    for (String processor : PROCESSORS) {
      assertThat(heldByFirst.getOrDefault(processor, 0) + heldByOther.getOrDefault(processor, 0))
          .as(processor + " held once across the instances")
          .isEqualTo(1);
    }
    log.info("segments held: first {}, second {}; owners {}", heldByFirst, heldByOther, owners);

    // and both instances answer the same audit trail
    long total = TestStacks.settledAuditTotal(new AuditTrail(street.auditor()));
    assertThat(new AuditTrail(LedgerClient.of(other).as("auditor", "auditor")).total())
        .isEqualTo(total);

    // When the instance holding the segments is killed, its claims left in the token store
    boolean firstHolds = heldByFirst.values().stream().mapToInt(Integer::intValue).sum() > 0;
    URI survivor = firstHolds ? other : first;
    Map<String, Integer> heldByKilled = firstHolds ? heldByFirst : heldByOther;
    Set<String> killedOwner = new HashSet<>();
    heldByKilled.forEach(
        (processor, segments) -> {
          if (segments > 0) {
            killedOwner.add(owners.get(processor));
          }
        });
    assertThat(killedOwner).hasSize(1);
    long killedAt = System.nanoTime();
    if (firstHolds) {
      stack.killQuerySide();
    } else {
      stack.killExtraQuerySide(second);
    }

    // Then the survivor holds every segment within the claim timeout
    await()
        .atMost(TAKEOVER_BOUND)
        .pollInterval(Duration.ofMillis(200))
        .until(
            () ->
                held(survivor).values().stream().mapToInt(Integer::intValue).sum()
                    == PROCESSORS.size());
    Duration takeover = Duration.ofNanos(System.nanoTime() - killedAt);
    log.info("the surviving instance took every segment over in {} ms", takeover.toMillis());
    Map<String, String> ownersAfter = owners();
    assertThat(new HashSet<>(ownersAfter.values()))
        .hasSize(1)
        .doesNotContainAnyElementsOf(killedOwner);

    // and what is recorded meanwhile reaches it once
    for (int i = 5; i < 8; i++) {
      created(
          street
              .community()
              .post(
                  "/api/publish-events",
                  street.publishEvent("pe-" + street.run() + "-" + i, TestStreet.today())));
    }
    AuditTrail survivorAudit = new AuditTrail(LedgerClient.of(survivor).as("auditor", "auditor"));
    await().atMost(Duration.ofSeconds(30)).until(() -> survivorAudit.total() >= total + 3);
    assertThat(TestStacks.settledAuditTotal(survivorAudit)).isGreaterThanOrEqualTo(total + 3);

    // and every read model it kept is equal to a rebuild of the whole log (nothing counted twice)
    LedgerClient streetOffice = LedgerClient.of(survivor).as("street", "street");
    LedgerResponse started = streetOffice.post("/api/admin/processors/all/rebuild", Map.of());
    assertThat(started.status()).isEqualTo(202);
    JsonNode processors =
        await()
            .atMost(Duration.ofSeconds(60))
            .until(
                () -> streetOffice.get("/api/admin/processors").body(),
                list -> {
                  for (JsonNode processor : list) {
                    JsonNode rebuild = processor.path("rebuild");
                    if (rebuild.isObject() && "running".equals(rebuild.path("state").asText())) {
                      return false;
                    }
                  }
                  return true;
                });
    for (JsonNode processor : processors) {
      if (processor.path("name").asText().equals("police-lead-outbox")) {
        continue;
      }
      assertThat(processor.path("rebuild").path("state").asText())
          .as(processor.path("name").asText())
          .isEqualTo("done");
      assertThat(processor.path("rebuild").path("after").path("sha256").asText())
          .as(processor.path("name").asText() + " rebuilt equal to the live one")
          .isEqualTo(processor.path("rebuild").path("before").path("sha256").asText());
    }
  }

  /** Each processor's segment 0 and the instance that claimed it, from the MongoDB token store. */
  private Map<String, String> owners() {
    Map<String, String> owners = new HashMap<>();
    try (MongoClient client = MongoClients.create(stack.mongoUri())) {
      for (Document token :
          client.getDatabase("fanzha").getCollection("axon_tracking_tokens").find()) {
        owners.put(token.getString("processorName"), token.getString("owner"));
      }
    }
    return owners;
  }

  /** How many segments of each processor this instance holds, by its administration endpoint. */
  private static Map<String, Integer> held(URI querySide) {
    LedgerResponse answer =
        LedgerClient.of(querySide).as("auditor", "auditor").get("/api/admin/processors");
    assertThat(answer.status()).isEqualTo(200);
    Map<String, Integer> held = new HashMap<>();
    for (JsonNode processor : answer.body()) {
      held.put(processor.path("name").asText(), processor.path("segments").size());
    }
    return held;
  }
}
