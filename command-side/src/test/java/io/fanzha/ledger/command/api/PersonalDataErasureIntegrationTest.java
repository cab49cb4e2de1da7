package io.fanzha.ledger.command.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fanzha.ledger.events.FraudLeadReported;
import io.fanzha.ledger.events.PersonalDataErased;
import io.fanzha.ledger.events.Reporter;
import io.fanzha.ledger.platform.pipl.PersonalDataKeys;
import io.fanzha.ledger.stores.EmbeddedStores;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Crypto-shredding of a reporter, over HTTP against the embedded stores: the event store never
 * holds the name or phone in the clear, a reader with the key sees them, erasure by the phone
 * number (in any notation) makes every later read, replays included, show them as erased, it is
 * recorded once, and the tamper-evidence chain still verifies.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "fanzha.deadlines.first-sweep-after=PT1H")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PersonalDataErasureIntegrationTest {

  static final EmbeddedStores stores = EmbeddedStores.inMemory();
  static final String NAME = "王秀英";
  static final String PHONE = "13912345678";

  @DynamicPropertySource
  static void stores(DynamicPropertyRegistry registry) {
    registry.add("spring.datasource.url", stores::jdbcUrl);
    registry.add("spring.data.mongodb.uri", stores::mongoUri);
  }

  @LocalServerPort int port;
  @Autowired JdbcTemplate jdbc;
  @Autowired EventStore events;
  final ObjectMapper json = new ObjectMapper();
  Http http;

  @BeforeAll
  void aLeadWithTwoReporters() {
    http = new Http(port);
    assertThat(
            http.postJson(
                    "street",
                    "/api/units",
                    "{\"id\":\"east\",\"name\":\"东门社区\",\"kind\":\"COMMUNITY\",\"population\":9000}")
                .status())
        .isEqualTo(201);
    assertThat(
            http.postJson(
                    "street",
                    "/api/accounts",
                    "{\"username\":\"east-staff\",\"password\":\"east-pass\",\"role\":\"COMMUNITY\",\"unitId\":\"east\"}")
                .status())
        .isEqualTo(201);
    lead("lead-1", NAME, PHONE);
    lead("lead-2", "李明", "13800001111");
  }

  @Test
  void theEventStoreNeverHoldsTheReporterInTheClear() {
    List<String> payloads =
        jdbc.query(
            "SELECT payload FROM domain_event_entry WHERE payload_type LIKE '%FraudLeadReported'",
            (rs, row) -> new String(rs.getBytes(1), StandardCharsets.UTF_8));

    assertThat(payloads).hasSize(2);
    assertThat(payloads)
        .allSatisfy(
            p ->
                assertThat(p)
                    .contains("\"sealed\"")
                    .doesNotContain(NAME, PHONE, "李明", "13800001111"));
  }

  @Test
  void erasureByThePhoneNumberMakesEveryLaterReadShowTheReporterAsErased() throws Exception {
    // Given the lead reads back with its reporter
    assertThat(reporterOf("lead-1")).isEqualTo(new Reporter(NAME, PHONE));

    // When the street office erases the person, giving the number in another notation
    Http.Answer erased =
        http.postJson("street", "/api/data-subjects/erasure", "{\"phone\":\"+86 139 1234 5678\"}");
    Http.Answer again =
        http.postJson("street", "/api/data-subjects/erasure", "{\"phone\":\"13912345678\"}");

    // Then a replay of the stream shows the reporter erased, the other reporter is untouched,
    // the erasure is recorded once and the chain still verifies
    assertThat(erased.status()).isEqualTo(200);
    JsonNode answer = json.readTree(erased.body());
    assertThat(answer.path("alreadyErased").asBoolean()).isFalse();
    assertThat(json.readTree(again.body()).path("alreadyErased").asBoolean()).isTrue();
    assertThat(reporterOf("lead-1"))
        .isEqualTo(new Reporter(PersonalDataKeys.ERASED, PersonalDataKeys.ERASED));
    assertThat(reporterOf("lead-2")).isEqualTo(new Reporter("李明", "13800001111"));
    List<Object> erasures =
        events
            .readEvents("data-subject:" + answer.path("subjectId").asText())
            .asStream()
            .map(DomainEventMessage::getPayload)
            .map(Object.class::cast)
            .toList();
    assertThat(erasures).containsExactly(new PersonalDataErased(answer.path("subjectId").asText()));
    assertThat(erasures.get(0).toString()).doesNotContain(PHONE);
    // And the police can no longer have the erased reporter's contact, only the other's
    Http.Answer gone =
        http.postJson("police", "/api/fraud-leads/lead-1/reporter-disclosures", "{}");
    Http.Answer other =
        http.postJson("police", "/api/fraud-leads/lead-2/reporter-disclosures", "{}");
    assertThat(gone.status()).as(gone.body()).isEqualTo(410);
    assertThat(gone.body()).contains("/problems/reporter-erased").doesNotContain(PHONE);
    assertThat(other.status()).isEqualTo(200);
    assertThat(json.readTree(other.body()).path("phone").asText()).isEqualTo("13800001111");
    Http.Answer verify = http.get("auditor", "/api/audit/verify");
    assertThat(json.readTree(verify.body()).path("valid").asBoolean()).as(verify.body()).isTrue();
  }

  @Test
  void onlyTheStreetOfficeErasesAndOnlyAPhoneNumberNamesAPerson() {
    Http.Answer byCommunity =
        http.postJson(
            "east-staff:east-pass", "/api/data-subjects/erasure", "{\"phone\":\"13800001111\"}");
    Http.Answer notAPhone =
        http.postJson("street", "/api/data-subjects/erasure", "{\"phone\":\"call me\"}");

    assertThat(byCommunity.status()).isEqualTo(403);
    assertThat(notAPhone.status()).isEqualTo(400);
    assertThat(notAPhone.contentType()).contains("application/problem+json");
    assertThat(reporterOf("lead-2")).isEqualTo(new Reporter("李明", "13800001111"));
  }

  private Reporter reporterOf(String leadId) {
    return events
        .readEvents("lead:" + leadId)
        .asStream()
        .map(DomainEventMessage::getPayload)
        .filter(FraudLeadReported.class::isInstance)
        .map(p -> ((FraudLeadReported) p).reporter())
        .findFirst()
        .orElseThrow();
  }

  private void lead(String id, String name, String phone) {
    Http.Answer answer =
        http.postJson(
            "east-staff:east-pass",
            "/api/fraud-leads",
            "{\"id\":\""
                + id
                + "\",\"reportingUnitId\":\"east\",\"discoveredOn\":\"2026-03-05\",\"category\":\"OTHER\","
                + "\"summary\":\"刷单群\",\"suspect\":{\"phones\":[\"13700000000\"]},"
                + "\"reporter\":{\"name\":\""
                + name
                + "\",\"phone\":\""
                + phone
                + "\"}}");
    assertThat(answer.status()).as(answer.body()).isEqualTo(201);
  }
}
