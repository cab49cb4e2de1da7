package io.fanzha.ledger.harness.endtoend;

import static io.fanzha.ledger.harness.endtoend.TestStreet.created;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.fanzha.ledger.harness.client.AuditTrail;
import io.fanzha.ledger.harness.client.LedgerResponse;
import io.fanzha.ledger.harness.demo.EvidencePhoto;
import io.fanzha.ledger.harness.stack.LedgerStack;
import java.math.BigDecimal;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The four facts of the design card, recorded through the command side over real sockets, read back
 * from the query side's audit trail and scorecard.
 */
class FourFactsEndToEndIT {

  private static final Logger log = LoggerFactory.getLogger(FourFactsEndToEndIT.class);
  private static final Duration READ_MODEL_LAG = Duration.ofSeconds(2);

  private static LedgerStack stack;

  @BeforeAll
  static void startStack() {
    stack = TestStacks.inMemory(FourFactsEndToEndIT.class);
    log.info("stack started in {} ms", stack.startUpTime().toMillis());
  }

  @AfterAll
  static void stopStack() {
    if (stack != null) {
      stack.stop();
    }
  }

  @Test
  void publicityEvidenceLeadAndPenaltyReachAuditTrailAndScorecardWithinTwoSeconds()
      throws Exception {
    // Given a community in a campaign, with its own account
    TestStreet street = TestStreet.create(stack);
    LocalDate today = TestStreet.today();
    String run = street.run();
    String publishEventId = "pe-" + run;
    String leadId = "lead-" + run;
    String penaltyId = "pen-" + run;
    Map<String, String> requestIds =
        Map.of(
            "PublishEventHeld", "req-pe-" + run,
            "EvidenceSubmitted", "req-ev-" + run,
            "FraudLeadReported", "req-lead-" + run,
            "UnitPenalized", "req-pen-" + run);

    // When the community records a publicity event, its photo and a lead, and the street office
    // penalises the community
    created(
        street
            .community()
            .withRequestId(requestIds.get("PublishEventHeld"))
            .post("/api/publish-events", street.publishEvent(publishEventId, today)));
    byte[] photo = new EvidencePhoto(7, "png", 320, 240).bytes();
    LedgerResponse evidence =
        created(
            street
                .community()
                .withRequestId(requestIds.get("EvidenceSubmitted"))
                .upload(
                    "/api/publish-events/" + publishEventId + "/evidence",
                    "stand.png",
                    "image/png",
                    photo,
                    Map.of("kind", "PHOTO")));
    created(
        street
            .community()
            .withRequestId(requestIds.get("FraudLeadReported"))
            .post(
                "/api/fraud-leads",
                Map.of(
                    "id",
                    leadId,
                    "reportingUnitId",
                    street.communityId(),
                    "campaignId",
                    street.campaignId(),
                    "discoveredOn",
                    today,
                    "category",
                    "ORDER_BRUSHING",
                    "summary",
                    "走访中居民反映接到刷单返利电话。",
                    "suspect",
                    Map.of(
                        "phones",
                        List.of("17000001111"),
                        "accounts",
                        List.of(),
                        "urls",
                        List.of()))));
    created(
        street
            .street()
            .withRequestId(requestIds.get("UnitPenalized"))
            .post("/api/penalties", street.penalty(penaltyId, 3)));
    long recordedAt = System.nanoTime();

    // Then the evidence answer describes the bytes sent
    assertThat(evidence.text("sha256")).isEqualTo(sha256(photo));
    assertThat(evidence.body().path("size").asLong()).isEqualTo(photo.length);
    assertThat(evidence.text("mediaType")).isEqualTo("image/png");
    assertThat(evidence.text("evidenceId")).isNotBlank();

    // and all four facts reach the audit trail and the scorecard within a second or two
    AuditTrail audit = new AuditTrail(street.auditor());
    Map<String, JsonNode> entries = new HashMap<>();
    JsonNode[] scorecard = new JsonNode[1];
    String month = YearMonth.from(today).toString();
    await()
        .atMost(READ_MODEL_LAG)
        .pollInterval(Duration.ofMillis(100))
        .pollDelay(Duration.ZERO)
        .ignoreExceptions()
        .until(
            () -> {
              entries.clear();
              for (JsonNode entry : audit.entries(Map.of())) {
                String type = shortType(entry.path("type").asText());
                if (requestIds.containsKey(type)
                    && requestIds.get(type).equals(entry.path("requestId").asText())) {
                  entries.put(type, entry);
                }
              }
              LedgerResponse card =
                  street
                      .leader()
                      .get("/api/scorecards/" + street.campaignId() + "/" + street.communityId());
              scorecard[0] = card.body();
              return entries.size() == 4
                  && card.status() == 200
                  && penaltyLine(card.body()).isPresent()
                  && card.body().path("publicityEventsByMonth").path(month).asInt() == 1;
            });
    Duration lag = Duration.ofNanos(System.nanoTime() - recordedAt);
    log.info(
        "audit trail and scorecard caught up {} ms after the last write was acknowledged",
        lag.toMillis());

    for (String type : List.of("PublishEventHeld", "EvidenceSubmitted", "FraudLeadReported")) {
      JsonNode entry = entries.get(type);
      assertThat(entry.path("actor").asText()).as(type).isEqualTo(street.communityUser());
      assertThat(entry.path("role").asText()).as(type).isEqualTo("COMMUNITY");
      assertThat(entry.path("unitId").asText()).as(type).isEqualTo(street.communityId());
      assertThat(entry.path("eventId").asText()).as(type).isNotBlank();
      assertThat(entry.path("occurredAt").asText()).as(type).isNotBlank();
    }
    JsonNode penalty = entries.get("UnitPenalized");
    assertThat(penalty.path("actor").asText()).isEqualTo("street");
    assertThat(penalty.path("role").asText()).isEqualTo("STREET_OFFICE");
    assertThat(penalty.path("payload").path("penaltyId").asText()).isEqualTo(penaltyId);
    assertThat(entries.get("FraudLeadReported").path("payload").path("leadId").asText())
        .isEqualTo(leadId);
    assertThat(entries.get("EvidenceSubmitted").path("payload").path("sha256").asText())
        .isEqualTo(sha256(photo));

    JsonNode line = penaltyLine(scorecard[0]).orElseThrow();
    assertThat(new BigDecimal(line.path("points").asText()).abs())
        .isEqualByComparingTo(BigDecimal.valueOf(3));
    List<String> basis = texts(line.path("eventIds"));
    assertThat(basis).containsAnyOf(penalty.path("eventId").asText(), penaltyId);
    assertThat(scorecard[0].path("publicityEventsByMonth").path(month).asInt()).isEqualTo(1);
  }

  private static Optional<JsonNode> penaltyLine(JsonNode scorecard) {
    for (JsonNode line : scorecard.path("lines")) {
      if ("PENALTY".equals(line.path("rule").asText())) {
        return Optional.of(line);
      }
    }
    return Optional.empty();
  }

  /** The event's simple name, whether the trail gives it bare or fully qualified. */
  static String shortType(String type) {
    return type.substring(type.lastIndexOf('.') + 1);
  }

  private static List<String> texts(JsonNode array) {
    return java.util.stream.StreamSupport.stream(array.spliterator(), false)
        .map(JsonNode::asText)
        .toList();
  }

  private static String sha256(byte[] bytes) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
  }
}
