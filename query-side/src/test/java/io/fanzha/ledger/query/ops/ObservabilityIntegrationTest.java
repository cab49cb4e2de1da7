package io.fanzha.ledger.query.ops;

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
import io.fanzha.ledger.query.lead.FraudLeadProjection;
import io.fanzha.ledger.stores.EmbeddedStores;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.annotation.Bean;
import org.springframework.http.ResponseEntity;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * What an operator scrapes and probes on the query side: lag per processor, parked events per group
 * and the police feed's backlog at /actuator/prometheus (street office only), and readiness going
 * DOWN with MongoDB while liveness stays UP. The last test stops the MongoDB stand-in.
 */
// Spring Boot's tests leave metrics export off unless asked
@AutoConfigureObservability(tracing = false)
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "fanzha.metrics.dead-letters-every=PT0S",
      "fanzha.metrics.feed-backlog-every=PT0S",
      "fanzha.health.lag-reading-interval=PT0S"
    })
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ObservabilityIntegrationTest {

  private static final EmbeddedStores STORES = EmbeddedStores.inMemory();
  private static final Duration PATIENCE = Duration.ofSeconds(30);
  private static final String POISONED_UNIT = "obs-poison";

  @DynamicPropertySource
  static void pointAtTheEmbeddedStores(DynamicPropertyRegistry registry) {
    registry.add("spring.datasource.url", STORES::jdbcUrl);
    registry.add("spring.data.mongodb.uri", STORES::mongoUri);
  }

  @TestConfiguration
  static class FailingProjection {
    @Bean
    UnitRegistrationThatFails unitRegistrationThatFails() {
      return new UnitRegistrationThatFails();
    }
  }

  /** A handler in the lead list's group with a bug for one unit: its event gets parked. */
  @ProcessingGroup(FraudLeadProjection.GROUP)
  static class UnitRegistrationThatFails {
    @EventHandler
    void on(UnitRegistered event) {
      if (POISONED_UNIT.equals(event.unitId())) {
        throw new IllegalStateException("cannot project unit " + event.unitId());
      }
    }
  }

  @Autowired TestRestTemplate http;
  @Autowired EventStore eventStore;
  @Autowired Accounts accounts;
  @Autowired PasswordEncoder passwords;

  @Test
  @Order(1)
  void prometheusShowsLagDeadLettersAndTheFeedBacklog() {
    // Given a lead reported an hour ago (nothing delivers it: the feed is off in tests) and a unit
    // registration a projection cannot handle
    accounts.insertIfAbsent(
        new Account("street", passwords.encode("street"), Role.STREET_OFFICE, "s1"));
    var street = by("street", "STREET_OFFICE", "s1");
    Instant anHourAgo = Instant.now().minus(Duration.ofHours(1));
    eventStore.publish(
        List.of(
            new GenericDomainEventMessage<>(
                "Unit",
                "unit:" + POISONED_UNIT,
                0,
                new UnitRegistered(POISONED_UNIT, "坏社区", UnitKind.COMMUNITY, "s1", 100),
                street,
                UUID.randomUUID().toString(),
                anHourAgo),
            new GenericDomainEventMessage<>(
                "FraudLead",
                "lead:obs1",
                0,
                new FraudLeadReported(
                    "obs1",
                    "c1",
                    null,
                    LocalDate.now(),
                    FraudCategory.ONLINE_LOAN,
                    "loan app",
                    new Suspect(List.of("13800000000"), List.of(), List.of()),
                    null),
                street,
                UUID.randomUUID().toString(),
                anHourAgo)));

    // When the street office scrapes once every processor has read both
    await()
        .atMost(PATIENCE)
        .untilAsserted(
            () -> {
              String metrics = scrape();
              // Then every processor of this instance holds its one segment and is caught up
              for (String processor :
                  List.of(
                      "audit",
                      "dashboard",
                      "fraud-leads",
                      "scorecards",
                      "statistics",
                      "police-lead-outbox")) {
                assertThat(value(metrics, "fanzha_processor_lag_events", processor))
                    .as(processor)
                    .isZero();
                assertThat(value(metrics, "fanzha_processor_segments_held", processor))
                    .isEqualTo(1.0);
              }
              // and the poisoned registration is parked in the lead list's group
              assertThat(value(metrics, "fanzha_dead_letters_events", "fraud-leads"))
                  .isEqualTo(1.0);
              assertThat(value(metrics, "fanzha_dead_letters_events", "audit")).isZero();
              // and the lead waits in the police feed, reported an hour ago
              assertThat(value(metrics, "fanzha_police_feed_pending_leads", null)).isEqualTo(1.0);
              assertThat(value(metrics, "fanzha_police_feed_oldest_pending_seconds", null))
                  .isBetween(3500.0, 3700.0);
            });
    // and Axon's processors count what they handled
    assertThat(scrape())
        .contains("eventProcessor_processedCounter_total")
        .contains("application=\"query-side\"");
    // and no one else may scrape
    assertThat(http.getForEntity("/actuator/prometheus", String.class).getStatusCode().value())
        .isEqualTo(401);
  }

  @Test
  @Order(2)
  void readinessChecksTheStoresTheBrokerAndTheLagWhileLivenessChecksNothingOutside() {
    ResponseEntity<String> readiness =
        http.withBasicAuth("street", "street")
            .getForEntity("/actuator/health/readiness", String.class);
    assertThat(readiness.getStatusCode().value()).isEqualTo(200);
    assertThat(readiness.getBody())
        .contains("\"db\"", "\"mongo\"", "\"broker\"", "\"processorLag\"")
        .doesNotContain("\"livenessState\"");
    assertThat(http.getForEntity("/actuator/health/liveness", String.class).getBody())
        .isEqualTo("{\"status\":\"UP\"}");
  }

  @Test
  @Order(3)
  void withMongoDbGoneTheInstanceIsNotReadyButStillAlive() {
    // Given MongoDB stops
    STORES.stopMongo();

    // Then readiness answers 503 and liveness 200
    await()
        .atMost(PATIENCE)
        .until(
            () ->
                http.getForEntity("/actuator/health/readiness", String.class)
                        .getStatusCode()
                        .value()
                    == 503);
    assertThat(http.getForEntity("/actuator/health/liveness", String.class).getStatusCode().value())
        .isEqualTo(200);
  }

  @Test
  @Order(2)
  void everyMetricTheGrafanaDashboardQueriesOfThisSideIsInTheScrape() throws Exception {
    // Given the dashboard operators import (ops/grafana), its queries of this side
    JsonNode dashboard =
        new ObjectMapper().readTree(Path.of("..", "ops", "grafana", "fanzha-ledger.json").toFile());
    Set<String> queried = new TreeSet<>();
    Pattern metric = Pattern.compile("([a-zA-Z_:][a-zA-Z0-9_:]*)\\{");
    for (JsonNode panel : dashboard.path("panels")) {
      for (JsonNode target : panel.path("targets")) {
        String expr = target.path("expr").asText();
        if (expr.contains("application=\"query-side\"")) {
          Matcher names = metric.matcher(expr);
          while (names.find()) {
            queried.add(names.group(1));
          }
        }
      }
    }
    assertThat(queried).isNotEmpty();
    // Then each of them is scraped, once the app has answered a request
    String metrics = scrape();
    assertThat(queried)
        .allSatisfy(name -> assertThat(metrics).as(name).containsPattern("(?m)^" + name + "\\{"));
  }

  private String scrape() {
    ResponseEntity<String> answer =
        http.withBasicAuth("street", "street").getForEntity("/actuator/prometheus", String.class);
    assertThat(answer.getStatusCode().value()).isEqualTo(200);
    return answer.getBody();
  }

  /** The first sample of {@code name} whose labels mention {@code label} (any, when null). */
  static double value(String metrics, String name, String label) {
    Matcher sample =
        Pattern.compile("(?m)^" + Pattern.quote(name) + "\\{([^}]*)\\} (\\S+)$").matcher(metrics);
    while (sample.find()) {
      if (label == null || sample.group(1).contains("\"" + label + "\"")) {
        return Double.parseDouble(sample.group(2));
      }
    }
    throw new AssertionError(name + " with " + label + " not in the scrape");
  }
}
