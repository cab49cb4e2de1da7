package io.fanzha.ledger.command.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fanzha.ledger.stores.EmbeddedStores;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * What an operator scrapes and probes on the command side: commands counted by Axon's Micrometer
 * monitors, the deadline index's lag at /actuator/prometheus (street office only), and the liveness
 * and readiness groups.
 */
// Spring Boot's tests leave metrics export off unless asked
@AutoConfigureObservability(tracing = false)
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {"fanzha.deadlines.first-sweep-after=PT1H"})
class ObservabilityIntegrationTest {

  static final EmbeddedStores stores = EmbeddedStores.inMemory();

  @DynamicPropertySource
  static void stores(DynamicPropertyRegistry registry) {
    registry.add("spring.datasource.url", stores::jdbcUrl);
    registry.add("spring.data.mongodb.uri", stores::mongoUri);
  }

  @LocalServerPort int port;

  @Test
  void prometheusCountsCommandsAndTheDeadlineIndexLagForTheStreetOfficeOnly() {
    Http http = new Http(port);
    // Given two units registered and one refused
    CommandApiIntegrationTest.created(
        http.postJson(
            "street",
            "/api/units",
            "{\"id\":\"obs-s\",\"name\":\"东湖街道\",\"kind\":\"STREET_OFFICE\"}"));
    CommandApiIntegrationTest.created(
        http.postJson(
            "street",
            "/api/units",
            "{\"id\":\"obs-c\",\"name\":\"东门社区\",\"kind\":\"COMMUNITY\",\"parentId\":\"obs-s\","
                + "\"population\":9000}"));

    // When the street office scrapes, once the deadline index has read the log
    await()
        .atMost(Duration.ofSeconds(20))
        .untilAsserted(
            () -> {
              String metrics = scrape(http);
              // Then Axon's command bus counted both, by payload type
              assertThat(value(metrics, "commandBus_successCounter_total", "RegisterUnit"))
                  .isEqualTo(2.0);
              // and the deadline index is caught up with the store
              assertThat(value(metrics, "fanzha_processor_lag_events", "deadline-index"))
                  .isEqualTo(0.0);
              assertThat(value(metrics, "fanzha_processor_segments_held", "deadline-index"))
                  .isEqualTo(1.0);
            });
    String metrics = scrape(http);
    assertThat(metrics)
        .contains("commandBus_allTimer_seconds_count")
        .contains("application=\"command-side\"");
    // and no one else may scrape
    assertThat(http.get(null, "/actuator/prometheus").status()).isEqualTo(401);
    assertThat(http.get("leader", "/actuator/prometheus").status()).isEqualTo(403);
  }

  @Test
  void livenessAndReadinessAreUpWithTheStoresAndShowWhatReadinessChecks() {
    Http http = new Http(port);
    assertThat(http.get(null, "/actuator/health/liveness").status()).isEqualTo(200);
    Http.Answer readiness = http.get("street", "/actuator/health/readiness");
    assertThat(readiness.status()).isEqualTo(200);
    assertThat(readiness.body())
        .contains("\"db\"", "\"mongo\"", "\"processorLag\"", "\"readinessState\"")
        .doesNotContain("\"livenessState\"");
  }

  @Test
  void everyMetricTheGrafanaDashboardQueriesOfThisSideIsInTheScrape() throws Exception {
    // Given the dashboard operators import (ops/grafana), its queries of this side
    JsonNode dashboard =
        new ObjectMapper().readTree(Path.of("..", "ops", "grafana", "fanzha-ledger.json").toFile());
    Set<String> queried = new TreeSet<>();
    Pattern metric = Pattern.compile("([a-zA-Z_:][a-zA-Z0-9_:]*)\\{");
    for (JsonNode panel : dashboard.path("panels")) {
      for (JsonNode target : panel.path("targets")) {
        String expr = target.path("expr").asText();
        if (expr.contains("application=\"command-side\"")) {
          Matcher names = metric.matcher(expr);
          while (names.find()) {
            queried.add(names.group(1));
          }
        }
      }
    }
    assertThat(queried).isNotEmpty();
    // Then each of them is scraped, once the app has answered a request
    String metrics = scrape(new Http(port));
    assertThat(queried)
        .allSatisfy(name -> assertThat(metrics).as(name).containsPattern("(?m)^" + name + "\\{"));
  }

  private static String scrape(Http http) {
    Http.Answer answer = http.get("street", "/actuator/prometheus");
    assertThat(answer.status()).isEqualTo(200);
    return answer.body();
  }

  /** The value of the first sample of {@code name} whose labels mention {@code label}. */
  static double value(String metrics, String name, String label) {
    Matcher sample =
        Pattern.compile("(?m)^" + Pattern.quote(name) + "\\{([^}]*)\\} (\\S+)$").matcher(metrics);
    while (sample.find()) {
      if (sample.group(1).contains("\"" + label + "\"")) {
        return Double.parseDouble(sample.group(2));
      }
    }
    throw new AssertionError(name + " with " + label + " not in the scrape");
  }
}
