package io.fanzha.ledger.query.admin;

import static io.fanzha.ledger.query.support.Events.by;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fanzha.ledger.events.CampaignLaunched;
import io.fanzha.ledger.events.FraudCategory;
import io.fanzha.ledger.events.FraudLeadReported;
import io.fanzha.ledger.events.Location;
import io.fanzha.ledger.events.LocationKind;
import io.fanzha.ledger.events.MonthlyReportSubmitted;
import io.fanzha.ledger.events.PenaltyReason;
import io.fanzha.ledger.events.PublicityFormat;
import io.fanzha.ledger.events.PublishEventHeld;
import io.fanzha.ledger.events.ReportStatistics;
import io.fanzha.ledger.events.Reporter;
import io.fanzha.ledger.events.Role;
import io.fanzha.ledger.events.Rulebook;
import io.fanzha.ledger.events.Suspect;
import io.fanzha.ledger.events.TargetGroup;
import io.fanzha.ledger.events.UnitKind;
import io.fanzha.ledger.events.UnitPenalized;
import io.fanzha.ledger.events.UnitRegistered;
import io.fanzha.ledger.platform.security.Account;
import io.fanzha.ledger.platform.security.Accounts;
import io.fanzha.ledger.query.CollectionNames;
import io.fanzha.ledger.query.Generations;
import io.fanzha.ledger.query.ReadModel;
import io.fanzha.ledger.stores.EmbeddedStores;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Rebuilding every read model while events keep arriving and readers keep reading: the readers
 * never see an empty or shrunken read model, progress shows throughout, and the result, once the
 * writes stop and the processors catch up, equals what a fresh rebuild of the same log makes.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ReadModelRebuildIntegrationTest {

  private static final EmbeddedStores STORES = EmbeddedStores.inMemory();
  private static final Duration PATIENCE = Duration.ofSeconds(120);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final List<String> COMMUNITIES = List.of("c1", "c2", "c3", "c4", "c5");
  private static final Map<String, String> STREET = by("street", "STREET_OFFICE", "s1");

  @DynamicPropertySource
  static void pointAtTheEmbeddedStores(DynamicPropertyRegistry registry) {
    registry.add("spring.datasource.url", STORES::jdbcUrl);
    registry.add("spring.data.mongodb.uri", STORES::mongoUri);
  }

  @Autowired private TestRestTemplate http;
  @Autowired private EventStore eventStore;
  @Autowired private EventProcessingConfiguration processing;
  @Autowired private MongoTemplate mongo;
  @Autowired private Generations generations;
  @Autowired private ReadModelChecksum checksum;
  @Autowired private List<ReadModel> readModels;
  @Autowired private Accounts accounts;
  @Autowired private PasswordEncoder passwords;

  private static final AtomicInteger written = new AtomicInteger();

  @Test
  void rebuildingEveryReadModelUnderWritesEndsEqualToAFreshRebuild() throws Exception {
    // Given a street's history, caught up
    accounts.insertIfAbsent(
        new Account("street", passwords.encode("street"), Role.STREET_OFFICE, "s1"));
    if (eventStore.readEvents("campaign:2026").asStream().findAny().isEmpty()) {
      eventStore.publish(beginning());
    }
    eventStore.publish(activities(3_000));
    awaitCaughtUp();
    Map<String, Integer> generationsBefore = liveGenerations();
    long leadsBefore = leads();

    // And a writer recording more events, and a reader reading, all through the rebuild
    AtomicBoolean going = new AtomicBoolean(true);
    List<String> readerSaw = new CopyOnWriteArrayList<>();
    // four writers, so that transactions commit out of order and leave gaps the live processors
    // fill late, as concurrent commands do
    List<Thread> writers = new ArrayList<>();
    for (int w = 0; w < 4; w++) {
      writers.add(
          new Thread(
              () -> {
                while (going.get()) {
                  eventStore.publish(activities(2));
                  pause(60);
                }
              }));
    }
    Thread reader =
        new Thread(
            () -> {
              while (going.get()) {
                long leads = leads();
                if (leads < leadsBefore) {
                  readerSaw.add("leads: " + leads + " of at least " + leadsBefore);
                }
                JsonNode standings = get("/api/scorecards?campaignId=2026");
                if (standings.size() != COMMUNITIES.size()) {
                  readerSaw.add("standings: " + standings);
                }
                pause(50);
              }
            });
    writers.forEach(Thread::start);
    reader.start();

    // When every read model is rebuilt
    ResponseEntity<String> started =
        http.withBasicAuth("street", "street")
            .postForEntity("/api/admin/processors/all/rebuild", null, String.class);

    // Then progress shows from the start to the end
    assertThat(started.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
    for (JsonNode state : JSON.readTree(started.getBody())) {
      assertThat(state.path("rebuild").path("state").asText()).isEqualTo("running");
      assertThat(state.path("rebuild").path("generation").asInt())
          .isEqualTo(generationsBefore.get(state.path("name").asText()) + 1);
      assertThat(state.path("rebuild").path("eventsTotal").asLong()).isGreaterThan(3_000);
    }
    List<Long> progressSeen = new ArrayList<>();
    await()
        .atMost(PATIENCE)
        .pollInterval(Duration.ofMillis(50))
        .until(
            () -> {
              List<JsonNode> all = readModelProcessors();
              boolean running = false;
              for (JsonNode state : all) {
                JsonNode rebuild = state.path("rebuild");
                assertThat(rebuild.path("state").asText()).isIn("running", "done");
                assertThat(rebuild.path("eventsDone").asLong())
                    .isLessThanOrEqualTo(rebuild.path("eventsTotal").asLong());
                if (rebuild.path("state").asText().equals("running")) {
                  running = true;
                  progressSeen.add(rebuild.path("eventsDone").asLong());
                }
              }
              return !running;
            });
    assertThat(progressSeen).isNotEmpty();

    // And the live generations moved on while the writer went on, the old ones are gone
    pause(500);
    going.set(false);
    for (Thread writer : writers) {
      writer.join();
    }
    reader.join();
    assertThat(readerSaw).isEmpty();
    awaitCaughtUp();
    for (ReadModel model : readModels) {
      String name = model.processingGroup();
      assertThat(generations.liveGeneration(name)).isEqualTo(generationsBefore.get(name) + 1);
      for (String collection : model.collections()) {
        assertThat(
                mongo.collectionExists(
                    CollectionNames.generation(generationsBefore.get(name)).of(collection)))
            .as("%s of the replaced generation", collection)
            .isFalse();
      }
    }
    assertThat(written.get()).isGreaterThan(0);
    Map<String, String> underWrites = checksums();

    // When they are rebuilt again with nothing written meanwhile
    http.withBasicAuth("street", "street")
        .postForEntity("/api/admin/processors/all/rebuild", null, String.class);
    await()
        .atMost(PATIENCE)
        .until(
            () -> {
              List<JsonNode> all = readModelProcessors();
              for (JsonNode state : all) {
                if (!state.path("rebuild").path("state").asText().equals("done")
                    || state.path("rebuild").path("generation").asInt()
                        != generationsBefore.get(state.path("name").asText()) + 2) {
                  return false;
                }
              }
              return true;
            });

    // Then each one equals the one built under writes, and the rebuild says so itself
    for (JsonNode state : readModelProcessors()) {
      String name = state.path("name").asText();
      JsonNode rebuild = state.path("rebuild");
      assertThat(rebuild.path("equal").asBoolean()).as(name).isTrue();
      assertThat(rebuild.path("after").path("sha256").asText())
          .as(name)
          .isEqualTo(underWrites.get(name));
      assertThat(rebuild.path("eventsDone").asLong())
          .isEqualTo(rebuild.path("eventsTotal").asLong());
    }
    assertThat(checksums()).isEqualTo(underWrites);
  }

  @Test
  void standingsAskedAgainAfterANewFactShowIt() throws Exception {
    // Given standings read twice with nothing recorded between
    accounts.insertIfAbsent(
        new Account("street", passwords.encode("street"), Role.STREET_OFFICE, "s1"));
    if (eventStore.readEvents("campaign:2026").asStream().findAny().isEmpty()) {
      eventStore.publish(beginning());
    }
    eventStore.publish(activities(50));
    awaitCaughtUp();
    JsonNode first = get("/api/scorecards?campaignId=2026");
    assertThat(get("/api/scorecards?campaignId=2026")).isEqualTo(first);
    JsonNode c3Before = get("/api/scorecards/2026/c3");

    // When c3 is penalised
    String penalty = "pen-" + UUID.randomUUID();
    eventStore.publish(
        event(
            "Penalty",
            "penalty:" + penalty,
            0,
            new UnitPenalized(
                penalty,
                "2026",
                "c3",
                new BigDecimal("7"),
                PenaltyReason.CAMPAIGN_NOT_CONDUCTED,
                "no activity",
                List.of())));
    awaitCaughtUp();

    // Then the standings and c3's scorecard show it at once
    BigDecimal before = scoreOf(first, "c3");
    assertThat(scoreOf(get("/api/scorecards?campaignId=2026"), "c3")).isLessThan(before);
    assertThat(get("/api/scorecards/2026/c3")).isNotEqualTo(c3Before);
    assertThat(get("/api/scorecards/2026/c3").toString())
        .contains("{\"rule\":\"PENALTY\",\"points\":-7");
  }

  private static BigDecimal scoreOf(JsonNode standings, String unitId) {
    for (JsonNode row : standings) {
      if (row.path("unitId").asText().equals(unitId)) {
        return row.path("score").decimalValue();
      }
    }
    throw new AssertionError(unitId + " not in " + standings);
  }

  private Map<String, Integer> liveGenerations() {
    Map<String, Integer> live = new LinkedHashMap<>();
    readModels.forEach(
        m -> live.put(m.processingGroup(), generations.liveGeneration(m.processingGroup())));
    return live;
  }

  private Map<String, String> checksums() {
    Map<String, String> sums = new LinkedHashMap<>();
    for (ReadModel model : readModels) {
      sums.put(
          model.processingGroup(),
          checksum.of(model.collections(), generations.live(model.processingGroup())).sha256());
    }
    return sums;
  }

  private long leads() {
    return get("/api/fraud-leads").size();
  }

  /** The processors of read models: the police lead outbox's is listed but never rebuilt. */
  private List<JsonNode> readModelProcessors() {
    List<String> groups = readModels.stream().map(ReadModel::processingGroup).toList();
    List<JsonNode> states = new ArrayList<>();
    get("/api/admin/processors")
        .forEach(
            state -> {
              if (groups.contains(state.path("name").asText())) {
                states.add(state);
              }
            });
    return states;
  }

  private JsonNode get(String path) {
    try {
      ResponseEntity<String> answer =
          http.withBasicAuth("street", "street").getForEntity(path, String.class);
      assertThat(answer.getStatusCode()).as(path).isEqualTo(HttpStatus.OK);
      return JSON.readTree(answer.getBody());
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private void awaitCaughtUp() {
    await()
        .atMost(PATIENCE)
        .until(
            () -> {
              long head = eventStore.createHeadToken().position().orElseThrow();
              return processing.eventProcessors().values().stream()
                  .map(StreamingEventProcessor.class::cast)
                  .map(StreamingEventProcessor::processingStatus)
                  .allMatch(
                      status ->
                          !status.isEmpty()
                              && status.values().stream().allMatch(s -> handled(s, head)));
            });
  }

  private static boolean handled(EventTrackerStatus status, long head) {
    return status.isCaughtUp() && status.getCurrentPosition().orElse(-1) >= head;
  }

  private static List<DomainEventMessage<?>> beginning() {
    List<DomainEventMessage<?>> events = new ArrayList<>();
    events.add(
        event(
            "Unit",
            "unit:s1",
            0,
            new UnitRegistered("s1", "城关街道", UnitKind.STREET_OFFICE, null, null)));
    for (String c : COMMUNITIES) {
      events.add(
          event(
              "Unit",
              "unit:" + c,
              0,
              new UnitRegistered(c, "社区" + c, UnitKind.COMMUNITY, "s1", 5000)));
    }
    events.add(
        event(
            "Campaign",
            "campaign:2026",
            0,
            new CampaignLaunched(
                "2026",
                "2026年防范电信诈骗宣传",
                "s1",
                LocalDate.parse("2026-01-01"),
                LocalDate.parse("2026-12-31"),
                30,
                LocalDate.parse("2026-12-30"),
                COMMUNITIES,
                null,
                Rulebook.defaultRules())));
    return events;
  }

  /** Publicity events, leads and monthly reports, each a new aggregate, spread over the year. */
  private List<DomainEventMessage<?>> activities(int count) {
    List<DomainEventMessage<?>> events = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      int n = written.incrementAndGet();
      String community = COMMUNITIES.get(n % COMMUNITIES.size());
      LocalDate day = LocalDate.of(2026, 1 + n % 11, 1 + n % 28);
      String id = "x" + n;
      Object payload =
          switch (n % 10) {
            case 0 ->
                new FraudLeadReported(
                    id,
                    community,
                    "2026",
                    day,
                    FraudCategory.FAKE_INVESTMENT,
                    "offered gold futures",
                    new Suspect(List.of("13800000000"), List.of(), List.of()),
                    new Reporter("王五", "13700001111"));
            case 1 ->
                new MonthlyReportSubmitted(
                    id,
                    "2026",
                    community,
                    YearMonth.from(day),
                    new ReportStatistics(n % 4, n % 300, n % 7, 0, 0, 0, n % 9, n % 3),
                    "monthly report",
                    YearMonth.from(day).plusMonths(1).atDay(5),
                    false);
            default ->
                new PublishEventHeld(
                    id,
                    "2026",
                    community,
                    day,
                    new Location("广场", LocationKind.PARK),
                    List.of(PublicityFormat.LEAFLET),
                    List.of(TargetGroup.ELDERLY),
                    10 + n % 200,
                    n % 500,
                    null,
                    List.of());
          };
      String type =
          payload instanceof FraudLeadReported
              ? "FraudLead"
              : payload instanceof MonthlyReportSubmitted ? "MonthlyReport" : "PublishEvent";
      String prefix =
          payload instanceof FraudLeadReported
              ? "lead:"
              : payload instanceof MonthlyReportSubmitted ? "monthly-report:" : "publish-event:";
      events.add(event(type, prefix + id, 0, payload));
    }
    return events;
  }

  private static DomainEventMessage<?> event(
      String type, String aggregateId, long sequence, Object payload) {
    return new GenericDomainEventMessage<>(
        type, aggregateId, sequence, payload, STREET, UUID.randomUUID().toString(), Instant.now());
  }

  private static void pause(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
