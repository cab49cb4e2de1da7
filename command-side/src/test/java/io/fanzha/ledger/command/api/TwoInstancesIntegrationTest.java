package io.fanzha.ledger.command.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.fanzha.ledger.command.CommandSideApplication;
import io.fanzha.ledger.stores.EmbeddedStores;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Two command-side instances on one event store, as a scaled-out deployment runs them: creates
 * racing across instances are settled by the store's unique key, and the loser is told the truth.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TwoInstancesIntegrationTest {

  static final String EAST = "east-staff:east-pass";

  EmbeddedStores stores;
  ConfigurableApplicationContext first;
  ConfigurableApplicationContext second;
  Http one;
  Http two;
  JdbcTemplate jdbc;
  int round;

  @BeforeAll
  void twoInstances() {
    stores = EmbeddedStores.inMemory();
    first = start();
    second = start();
    one = new Http(port(first));
    two = new Http(port(second));
    jdbc = first.getBean(JdbcTemplate.class);
    CommandApiIntegrationTest.created(
        one.postJson(
            "street",
            "/api/units",
            "{\"id\":\"street1\",\"name\":\"东湖街道\",\"kind\":\"STREET_OFFICE\"}"));
    CommandApiIntegrationTest.created(
        one.postJson(
            "street",
            "/api/units",
            "{\"id\":\"east\",\"name\":\"东社区\",\"kind\":\"COMMUNITY\",\"population\":9000}"));
    CommandApiIntegrationTest.created(
        two.postJson(
            "street",
            "/api/accounts",
            "{\"username\":\"east-staff\",\"password\":\"east-pass\",\"role\":\"COMMUNITY\","
                + "\"unitId\":\"east\"}"));
    CommandApiIntegrationTest.created(
        two.postJson(
            "street",
            "/api/campaigns",
            "{\"id\":\"y2026\",\"title\":\"t\",\"jurisdictionUnitId\":\"street1\","
                + "\"startDate\":\"2026-01-01\",\"endDate\":\"2026-12-31\",\"monthlyReportDueDay\":30,"
                + "\"yearEndReportDue\":\"2026-12-30\",\"communityIds\":[\"east\"]}"));
  }

  ConfigurableApplicationContext start() {
    return new SpringApplicationBuilder(CommandSideApplication.class)
        .run(
            "--server.port=0",
            "--fanzha.deadlines.first-sweep-after=PT1H",
            "--spring.datasource.url=" + stores.jdbcUrl(),
            "--spring.data.mongodb.uri=" + stores.mongoUri());
  }

  static int port(ConfigurableApplicationContext context) {
    return ((WebServerApplicationContext) context).getWebServer().getPort();
  }

  @AfterAll
  void stop() {
    second.close();
    first.close();
    stores.close();
  }

  long eventCount() {
    return jdbc.queryForObject("SELECT COUNT(*) FROM domain_event_entry", Long.class);
  }

  List<Integer> race(List<Callable<Http.Answer>> requests) throws Exception {
    ExecutorService clients = Executors.newFixedThreadPool(requests.size());
    try {
      List<Integer> statuses = new ArrayList<>();
      for (Future<Http.Answer> answer : clients.invokeAll(requests)) {
        statuses.add(answer.get().status());
      }
      return statuses;
    } finally {
      clients.shutdown();
    }
  }

  @RepeatedTest(5)
  void identicalCreatesOnBothInstancesAllSucceedAndRecordOnce() throws Exception {
    String body = CommandApiIntegrationTest.publishEvent("same-" + round++, "east", 10);
    long before = eventCount();
    List<Callable<Http.Answer>> requests = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      Http instance = i % 2 == 0 ? one : two;
      requests.add(() -> instance.postJson(EAST, "/api/publish-events", body));
    }

    List<Integer> statuses = race(requests);

    assertThat(statuses).containsOnly(201);
    assertThat(eventCount()).isEqualTo(before + 1);
  }

  @RepeatedTest(5)
  void differentCreatesOnBothInstancesRecordOneAndRefuseTheRest() throws Exception {
    String id = "contested-" + round++;
    long before = eventCount();
    List<Callable<Http.Answer>> requests = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      Http instance = i % 2 == 0 ? one : two;
      String body = CommandApiIntegrationTest.publishEvent(id, "east", 100 + i);
      requests.add(() -> instance.postJson(EAST, "/api/publish-events", body));
    }

    List<Integer> statuses = race(requests);

    assertThat(statuses).containsOnly(201, 409).filteredOn(s -> s == 201).hasSize(1);
    assertThat(eventCount()).isEqualTo(before + 1);
  }
}
