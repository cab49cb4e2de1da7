package io.fanzha.ledger.query.admin;

import static io.fanzha.ledger.query.support.Events.by;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fanzha.ledger.events.FraudCategory;
import io.fanzha.ledger.events.FraudLeadReported;
import io.fanzha.ledger.events.Role;
import io.fanzha.ledger.events.Suspect;
import io.fanzha.ledger.events.UnitKind;
import io.fanzha.ledger.events.UnitRegistered;
import io.fanzha.ledger.platform.security.Account;
import io.fanzha.ledger.platform.security.Accounts;
import io.fanzha.ledger.query.Generations;
import io.fanzha.ledger.query.ReadModel;
import io.fanzha.ledger.query.ReadModelWriter;
import io.fanzha.ledger.query.lead.FraudLeadProjection;
import io.fanzha.ledger.stores.EmbeddedStores;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.annotation.Bean;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A projection that fails on one event parks that event's sequence in the MongoDB dead-letter
 * queue, the others go on, and a retry after the cause is gone clears it. A test-only handler in
 * the fraud-leads group plays the projection that fails.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class DeadLetterIntegrationTest {

  private static final EmbeddedStores STORES = EmbeddedStores.inMemory();
  private static final Duration PATIENCE = Duration.ofSeconds(30);
  private static final ObjectMapper JSON = new ObjectMapper();

  /** Units whose registration the failing handler refuses to handle. */
  static final Set<String> POISONED = ConcurrentHashMap.newKeySet();

  @DynamicPropertySource
  static void pointAtTheEmbeddedStores(DynamicPropertyRegistry registry) {
    registry.add("spring.datasource.url", STORES::jdbcUrl);
    registry.add("spring.data.mongodb.uri", STORES::mongoUri);
  }

  static final Set<String> POISONED_IN_REBUILD = ConcurrentHashMap.newKeySet();

  @TestConfiguration
  static class FailingProjection {
    @Bean
    UnitRegistrationsThatFail unitRegistrationsThatFail() {
      return new UnitRegistrationsThatFail();
    }

    @Bean
    UnitNames unitNames(MongoTemplate mongo, Generations generations) {
      return new UnitNames(mongo, ReadModelWriter.direct(mongo, generations.live(UnitNames.GROUP)));
    }
  }

  /** A read model of unit names whose rebuild meets a unit it cannot handle. */
  @ProcessingGroup(UnitNames.GROUP)
  static class UnitNames implements ReadModel {
    static final String GROUP = "unit-names";
    private final MongoTemplate mongo;
    private final ReadModelWriter writes;

    UnitNames(MongoTemplate mongo, ReadModelWriter writes) {
      this.mongo = mongo;
      this.writes = writes;
    }

    @EventHandler
    void on(UnitRegistered event) {
      if (POISONED_IN_REBUILD.contains(event.unitId())) {
        throw new IllegalStateException("cannot project unit " + event.unitId());
      }
      writes.save(new UnitName(event.unitId(), event.name()));
    }

    @Override
    public String processingGroup() {
      return GROUP;
    }

    @Override
    public List<String> collections() {
      return List.of(UnitName.COLLECTION);
    }

    @Override
    public ReadModel projectionInto(ReadModelWriter target) {
      return new UnitNames(mongo, target);
    }
  }

  @Document(UnitName.COLLECTION)
  record UnitName(@Id String unitId, String name) {
    static final String COLLECTION = "test_unit_names";
  }

  /** Throws on the registration of a poisoned unit, as a projection with a bug would. */
  @ProcessingGroup(FraudLeadProjection.GROUP)
  static class UnitRegistrationsThatFail {
    @EventHandler
    void on(UnitRegistered event) {
      if (POISONED.contains(event.unitId())) {
        throw new IllegalStateException("cannot project unit " + event.unitId());
      }
    }
  }

  @Autowired private TestRestTemplate http;
  @Autowired private EventStore eventStore;
  @Autowired private Accounts accounts;
  @Autowired private PasswordEncoder passwords;
  @Autowired private MongoTemplate mongo;
  @Autowired private Generations generations;

  @Test
  void aPoisonEventIsParkedTheRestIsProjectedAndARetryAfterTheFixClearsIt() throws Exception {
    // Given a unit whose registration the projection cannot handle
    accounts.insertIfAbsent(
        new Account("street", passwords.encode("street"), Role.STREET_OFFICE, "s1"));
    POISONED.add("bad");
    var street = by("street", "STREET_OFFICE", "s1");

    // When it is recorded, then a lead of another aggregate
    eventStore.publish(
        List.of(
            new GenericDomainEventMessage<>(
                "Unit",
                "unit:bad",
                0,
                new UnitRegistered("bad", "坏社区", UnitKind.COMMUNITY, "s1", 100),
                street,
                UUID.randomUUID().toString(),
                Instant.parse("2026-03-01T02:00:00Z")),
            new GenericDomainEventMessage<>(
                "FraudLead",
                "lead:ok1",
                0,
                new FraudLeadReported(
                    "ok1",
                    "c1",
                    null,
                    LocalDate.parse("2026-03-01"),
                    FraudCategory.ONLINE_LOAN,
                    "loan app",
                    new Suspect(List.of("13800000000"), List.of(), List.of()),
                    null),
                street,
                UUID.randomUUID().toString(),
                Instant.parse("2026-03-01T03:00:00Z"))));

    // Then the lead is projected
    await()
        .atMost(PATIENCE)
        .until(() -> get("/api/fraud-leads").body().toString().contains("\"leadId\":\"ok1\""));

    // And the registration is parked, with its error
    JsonNode parked =
        await()
            .atMost(PATIENCE)
            .until(() -> get("/api/admin/dead-letters").body(), b -> b.size() == 1);
    JsonNode letter = parked.get(0);
    assertThat(letter.path("processingGroup").asText()).isEqualTo("fraud-leads");
    assertThat(letter.path("sequenceId").asText()).isEqualTo("unit:bad");
    assertThat(letter.path("type").asText()).isEqualTo("UnitRegistered");
    assertThat(letter.path("errorClass").asText()).isEqualTo(IllegalStateException.class.getName());
    assertThat(letter.path("errorMessage").asText()).isEqualTo("cannot project unit bad");
    assertThat(letter.path("parkedAt").asText()).isNotEmpty();
    assertThat(letter.path("retries").asInt()).isZero();

    // And the health reports it, while the application stays up
    JsonNode health =
        JSON.readTree(
            http.withBasicAuth("street", "street")
                .getForObject("/actuator/health/deadLetters", String.class));
    assertThat(health.path("status").asText()).isEqualTo("PARKED");
    assertThat(http.getForEntity("/actuator/health", String.class).getStatusCode())
        .isEqualTo(HttpStatus.OK);

    // When a retry runs while the cause remains
    JsonNode stillFailing = post("/api/admin/dead-letters/fraud-leads/retry").body();

    // Then it stays parked, its retries counted
    assertThat(stillFailing.path("sequencesCleared").asInt()).isZero();
    assertThat(get("/api/admin/dead-letters").body().get(0).path("retries").asInt()).isEqualTo(1);

    // When the cause is removed and it is retried
    POISONED.clear();
    JsonNode retried = post("/api/admin/dead-letters/fraud-leads/retry").body();

    // Then nothing is parked any more
    assertThat(retried.path("sequencesCleared").asInt()).isEqualTo(1);
    assertThat(get("/api/admin/dead-letters").body()).isEmpty();
    JsonNode healthy =
        JSON.readTree(
            http.withBasicAuth("street", "street")
                .getForObject("/actuator/health/deadLetters", String.class));
    assertThat(healthy.path("status").asText()).isEqualTo("UP");
  }

  @Test
  void anEvictedSequenceIsGoneAndAnUnknownOneIsNotFound() throws Exception {
    // Given a parked registration
    accounts.insertIfAbsent(
        new Account("street", passwords.encode("street"), Role.STREET_OFFICE, "s1"));
    POISONED.add("worse");
    eventStore.publish(
        new GenericDomainEventMessage<>(
            "Unit",
            "unit:worse",
            0,
            new UnitRegistered("worse", "更坏社区", UnitKind.COMMUNITY, "s1", 100),
            by("street", "STREET_OFFICE", "s1"),
            UUID.randomUUID().toString(),
            Instant.parse("2026-03-02T02:00:00Z")));
    await()
        .atMost(PATIENCE)
        .until(() -> get("/api/admin/dead-letters").body().toString().contains("unit:worse"));

    // When it is evicted
    ResponseEntity<String> evicted =
        http.withBasicAuth("street", "street")
            .exchange(
                "/api/admin/dead-letters/fraud-leads/unit:worse",
                HttpMethod.DELETE,
                null,
                String.class);

    // Then
    assertThat(evicted.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(JSON.readTree(evicted.getBody()).path("evicted").asInt()).isEqualTo(1);
    assertThat(get("/api/admin/dead-letters").body().toString()).doesNotContain("unit:worse");
    POISONED.remove("worse");
    assertThat(
            http.withBasicAuth("street", "street")
                .exchange(
                    "/api/admin/dead-letters/fraud-leads/unit:nothing",
                    HttpMethod.DELETE,
                    null,
                    String.class)
                .getStatusCode())
        .isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(post("/api/admin/dead-letters/no-such-group/retry").status())
        .isEqualTo(HttpStatus.NOT_FOUND);
  }

  @Test
  void aRebuildThatMeetsAnEventItCannotHandleFailsAndLeavesTheLiveReadModelAsItWas()
      throws Exception {
    // Given a unit name projected live
    accounts.insertIfAbsent(
        new Account("street", passwords.encode("street"), Role.STREET_OFFICE, "s1"));
    eventStore.publish(
        new GenericDomainEventMessage<>(
            "Unit",
            "unit:fragile",
            0,
            new UnitRegistered("fragile", "易碎社区", UnitKind.COMMUNITY, "s1", 100),
            by("street", "STREET_OFFICE", "s1"),
            UUID.randomUUID().toString(),
            Instant.parse("2026-03-03T02:00:00Z")));
    await()
        .atMost(PATIENCE)
        .until(() -> mongo.findById("fragile", UnitName.class, UnitName.COLLECTION) != null);
    long namesBefore = mongo.count(new Query(), UnitName.COLLECTION);

    // When the projection has since changed so that it fails on it, and it is rebuilt
    POISONED_IN_REBUILD.add("fragile");
    assertThat(post("/api/admin/processors/unit-names/rebuild").status())
        .isEqualTo(HttpStatus.ACCEPTED);

    // Then the rebuild fails, naming the event
    JsonNode failed =
        await()
            .atMost(PATIENCE)
            .until(
                () -> get("/api/admin/processors/unit-names").body().path("rebuild"),
                r -> !r.path("state").asText().equals("running"));
    assertThat(failed.path("state").asText()).isEqualTo("failed");
    assertThat(failed.path("error").asText()).contains("UnitRegistered").contains("position");

    // And the live read model is as it was, the half-built generation gone
    assertThat(generations.liveGeneration(UnitNames.GROUP)).isZero();
    assertThat(mongo.count(new Query(), UnitName.COLLECTION)).isEqualTo(namesBefore);
    assertThat(mongo.collectionExists(UnitName.COLLECTION + "_g1")).isFalse();
    assertThat(get("/api/admin/processors/unit-names").body().path("status").asText())
        .isEqualTo("running");

    // When the fix is in and it is rebuilt again
    POISONED_IN_REBUILD.clear();
    post("/api/admin/processors/unit-names/rebuild");

    // Then the new generation is live with every name
    JsonNode done =
        await()
            .atMost(PATIENCE)
            .until(
                () -> get("/api/admin/processors/unit-names").body().path("rebuild"),
                r -> !r.path("state").asText().equals("running"));
    assertThat(done.path("state").asText()).isEqualTo("done");
    assertThat(generations.liveGeneration(UnitNames.GROUP)).isEqualTo(1);
    assertThat(mongo.count(new Query(), UnitName.COLLECTION + "_g1"))
        .isGreaterThanOrEqualTo(namesBefore);
  }

  private record Answer(HttpStatus status, JsonNode body) {}

  private Answer get(String path) throws Exception {
    ResponseEntity<String> answer =
        http.withBasicAuth("street", "street").getForEntity(path, String.class);
    return new Answer(
        HttpStatus.valueOf(answer.getStatusCode().value()), JSON.readTree(answer.getBody()));
  }

  private Answer post(String path) throws Exception {
    ResponseEntity<String> answer =
        http.withBasicAuth("street", "street").postForEntity(path, null, String.class);
    return new Answer(
        HttpStatus.valueOf(answer.getStatusCode().value()), JSON.readTree(answer.getBody()));
  }
}
