package io.fanzha.ledger.query.leadfeed;

import static io.fanzha.ledger.query.support.Events.by;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fanzha.ledger.events.FraudCategory;
import io.fanzha.ledger.events.FraudLeadReported;
import io.fanzha.ledger.events.Reporter;
import io.fanzha.ledger.events.Role;
import io.fanzha.ledger.events.Suspect;
import io.fanzha.ledger.platform.security.Account;
import io.fanzha.ledger.platform.security.Accounts;
import io.fanzha.ledger.stores.EmbeddedStores;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageDeliveryMode;
import org.springframework.amqp.rabbit.connection.CachingConnectionFactory;
import org.springframework.amqp.rabbit.core.RabbitAdmin;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Leads from the event store to the RabbitMQ server on localhost (guest/guest on 5672) and to the
 * pull feed, with the query side on a random port and the embedded stores. Skipped where no broker
 * answers, except under {@code CI=true}, where a missing broker fails the build. Each run uses a
 * queue of its own and deletes it afterwards.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "fanzha.police-feed.enabled=true",
      "fanzha.police-feed.poll-interval=PT0.1S",
      "fanzha.police-feed.initial-backoff=PT0.2S",
      "fanzha.police-feed.max-backoff=PT1S",
      "fanzha.police-feed.confirm-timeout=PT3S",
      "fanzha.police-feed.lease=PT10S"
    })
class PoliceLeadDeliveryIntegrationTest {

  private static final EmbeddedStores STORES = EmbeddedStores.inMemory();
  private static final String QUEUE = "fanzha.police.leads.test-" + UUID.randomUUID();
  private static final Duration PATIENCE = Duration.ofSeconds(30);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Map<String, List<Message>> RECEIVED = new ConcurrentHashMap<>();
  private static CachingConnectionFactory police;
  private static RabbitTemplate policeQueue;

  @Autowired private TestRestTemplate http;
  @Autowired private EventStore eventStore;
  @Autowired private Accounts accounts;
  @Autowired private PasswordEncoder passwords;
  @Autowired private RabbitTemplate rabbitTemplate;

  @DynamicPropertySource
  static void pointAtTheStoresAndATestQueue(DynamicPropertyRegistry registry) {
    registry.add("spring.datasource.url", STORES::jdbcUrl);
    registry.add("spring.data.mongodb.uri", STORES::mongoUri);
    registry.add("fanzha.police-feed.queue", () -> QUEUE);
  }

  @BeforeAll
  static void brokerOnLocalhost() {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress("localhost", 5672), 2_000);
    } catch (IOException unreachable) {
      if ("true".equalsIgnoreCase(System.getenv("CI"))) {
        throw new IllegalStateException("RabbitMQ must run on localhost:5672 in CI", unreachable);
      }
      Assumptions.abort("no RabbitMQ on localhost:5672: " + unreachable.getMessage());
    }
    police = new CachingConnectionFactory("localhost", 5672);
    policeQueue = new RabbitTemplate(police);
  }

  @AfterAll
  static void deleteTheQueue() {
    if (police != null) {
      new RabbitAdmin(police).deleteQueue(QUEUE);
      police.destroy();
    }
  }

  @BeforeEach
  void givenTheAccounts() {
    accounts.insertIfAbsent(new Account("police", passwords.encode("police"), Role.POLICE, null));
    accounts.insertIfAbsent(
        new Account("street", passwords.encode("street"), Role.STREET_OFFICE, "s1"));
  }

  @Test
  void recordedLeadsArriveOnTheQueueOnceEachWithTheLeadIdAsMessageIdAndShowAsDelivered()
      throws Exception {
    // Given
    List<String> leads = ids("q", 3);

    // When
    record(leads);

    // Then
    awaitReceived(leads);
    drainFor(Duration.ofSeconds(1));
    for (String lead : leads) {
      assertThat(RECEIVED.get(lead)).hasSize(1);
      Message message = RECEIVED.get(lead).get(0);
      assertThat(message.getMessageProperties().getMessageId()).isEqualTo(lead);
      assertThat(message.getMessageProperties().getContentType()).isEqualTo("application/json");
      assertThat(message.getMessageProperties().getReceivedDeliveryMode())
          .isEqualTo(MessageDeliveryMode.PERSISTENT);
      assertThat(message.getMessageProperties().<Object>getHeader("schema"))
          .isEqualTo("fanzha.police-lead");
      assertThat(message.getMessageProperties().<Object>getHeader("schema-version")).isEqualTo(1);
      String body = new String(message.getBody(), StandardCharsets.UTF_8);
      JsonNode json = JSON.readTree(body);
      assertThat(json.path("leadId").asText()).isEqualTo(lead);
      assertThat(json.path("reporter").path("contactRef").asText())
          .isEqualTo("/api/fraud-leads/" + lead + "/reporter-disclosures");
      assertThat(body).doesNotContain("张三", "13912345678");
    }
    awaitFeedStates(leads, "DELIVERED");
  }

  @Test
  void leadsRecordedWhileTheBrokerIsStoppedArriveOnceEachAfterItStartsAgain() throws Exception {
    // Given
    List<String> leads = ids("down", 5);
    rabbitmqctl("stop_app");
    try {
      // When leads are recorded while the broker is away
      record(leads);

      // Then they wait in the outbox, the worker retrying, and the query side stays healthy
      await()
          .atMost(PATIENCE)
          .until(
              () -> feedEntries(leads),
              entries ->
                  entries.size() == leads.size()
                      && entries.stream()
                          .allMatch(
                              e -> e.path("delivery").path("state").asText().equals("PENDING"))
                      && entries.get(0).path("delivery").path("attempts").asInt() >= 2);
      assertThat(feedEntries(leads))
          .allSatisfy(e -> assertThat(e.path("state").asText()).isEqualTo("PENDING"));
      ResponseEntity<String> health = http.getForEntity("/actuator/health", String.class);
      assertThat(health.getStatusCode()).isEqualTo(HttpStatus.OK);
    } finally {
      rabbitmqctl("start_app");
    }

    // Then once it is back every lead arrives, once, and shows as delivered
    awaitReceived(leads);
    awaitFeedStates(leads, "DELIVERED");
    drainFor(Duration.ofSeconds(1));
    assertThat(leads).allSatisfy(lead -> assertThat(RECEIVED.get(lead)).hasSize(1));
  }

  @Test
  void aPullFeedReadInSmallPagesWhileLeadsAreAddedSeesEveryLeadOnce() throws Exception {
    // Given a reader that starts at the current end of the feed
    long cursor = feed("police", "?limit=500").body().path("nextCursor").asLong();
    List<String> leads = ids("pull", 30);

    // When leads are recorded one by one while it reads pages of four
    Thread writer =
        new Thread(
            () -> {
              for (String lead : leads) {
                record(List.of(lead));
                sleep(20);
              }
            });
    writer.start();
    List<String> seen = new ArrayList<>();
    List<Long> sequences = new ArrayList<>();
    long deadline = System.nanoTime() + PATIENCE.toNanos();
    while (seen.size() < leads.size() && System.nanoTime() < deadline) {
      JsonNode page = feed("police", "?after=" + cursor + "&limit=4").body();
      assertThat(page.path("items").size()).isLessThanOrEqualTo(4);
      for (JsonNode item : page.path("items")) {
        seen.add(item.path("leadId").asText());
        sequences.add(item.path("sequence").asLong());
        assertThat(item.path("message").path("leadId").asText())
            .isEqualTo(item.path("leadId").asText());
      }
      long next = page.path("nextCursor").asLong();
      if (page.path("items").isEmpty()) {
        assertThat(next).isEqualTo(cursor);
        sleep(30);
      }
      cursor = next;
    }
    writer.join();

    // Then
    assertThat(seen).containsExactlyElementsOf(leads);
    assertThat(sequences).isSorted().doesNotHaveDuplicates();
    assertThat(feed("police", "?after=" + cursor).body().path("items")).isEmpty();
    awaitReceived(leads);
  }

  @Test
  void theFeedIsForThePoliceAndRefusesABadCursorOrLimit() throws Exception {
    // When / Then
    assertThat(feed("street", "").status()).isEqualTo(HttpStatus.FORBIDDEN);
    for (String bad : List.of("?after=-1", "?after=x", "?limit=0", "?limit=501", "?limit=many")) {
      Answer answer = feed("police", bad);
      assertThat(answer.status()).as(bad).isEqualTo(HttpStatus.BAD_REQUEST);
      assertThat(answer.contentType()).as(bad).isEqualTo("application/problem+json");
      assertThat(answer.body().path("errors").get(0).path("field").asText()).isIn("after", "limit");
    }
    Answer nothingNew = feed("police", "?after=1000000&limit=500");
    assertThat(nothingNew.status()).isEqualTo(HttpStatus.OK);
    assertThat(nothingNew.body().path("items")).isEmpty();
    assertThat(nothingNew.body().path("nextCursor").asLong()).isEqualTo(1_000_000);
  }

  @Test
  void aRedeliveryFromACursorSendsTheLeadsAfterItToTheQueueAgain() throws Exception {
    // Given two leads delivered
    List<String> leads = ids("again", 2);
    record(leads);
    awaitReceived(leads);
    awaitFeedStates(leads, "DELIVERED");
    long before = feedEntries(leads).get(0).path("sequence").asLong() - 1;

    // When the street office replays the queue from just before them
    assertThat(redeliver("police", before).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    ResponseEntity<String> answer = redeliver("street", before);

    // Then each is sent once more, and delivered again
    assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(JSON.readTree(answer.getBody()).path("entries").asLong()).isEqualTo(2);
    await()
        .atMost(PATIENCE)
        .untilAsserted(
            () -> {
              drainFor(Duration.ofMillis(200));
              assertThat(leads).allSatisfy(lead -> assertThat(RECEIVED.get(lead)).hasSize(2));
            });
    awaitFeedStates(leads, "DELIVERED");
  }

  @Test
  void aMessageTheBrokerCannotRouteIsNotDeliveredAndItsQueueIsDeclaredAgain() {
    // Given a queue that does not exist on the broker
    String missing = QUEUE + "-missing";
    PoliceLeadQueue queue =
        new PoliceLeadQueue(
            rabbitTemplate,
            new RabbitAdmin(rabbitTemplate.getConnectionFactory()),
            new org.springframework.amqp.core.Queue(missing),
            5_000);
    OutboxEntry entry =
        new OutboxEntry(
            "unroutable-1",
            1,
            "{}",
            FeedState.PENDING,
            DeliveryState.PENDING,
            0,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            false,
            null);

    try {
      // When / Then the broker returns it: not delivered
      assertThatThrownBy(() -> queue.send(entry))
          .isInstanceOf(PoliceLeadQueue.NotDelivered.class)
          .hasMessageContaining("returned unroutable");

      // And the queue is there for the next attempt, which the broker confirms
      queue.send(entry);
      assertThat(policeQueue.receive(missing, 5_000).getMessageProperties().getMessageId())
          .isEqualTo("unroutable-1");
    } finally {
      new RabbitAdmin(police).deleteQueue(missing);
    }
  }

  private static List<String> ids(String kind, int count) {
    String run = UUID.randomUUID().toString().substring(0, 8);
    return IntStream.rangeClosed(1, count).mapToObj(i -> kind + "-" + run + "-" + i).toList();
  }

  private void record(List<String> leads) {
    eventStore.publish(
        leads.stream()
            .map(
                lead ->
                    new GenericDomainEventMessage<>(
                        "FraudLead",
                        "lead:" + lead,
                        0,
                        new FraudLeadReported(
                            lead,
                            "c1",
                            "fz2026",
                            LocalDate.parse("2026-03-05"),
                            FraudCategory.ORDER_BRUSHING,
                            "走访发现刷单返利群",
                            new Suspect(
                                List.of("13800000000"), List.of(), List.of("http://shua.example")),
                            new Reporter("张三", "13912345678")),
                        by("c1-staff", "COMMUNITY", "c1"),
                        UUID.randomUUID().toString(),
                        Instant.now()))
            .toList());
  }

  /**
   * Takes every message the queue holds into {@link #RECEIVED}, for {@code quiet} after the last.
   */
  private static void drainFor(Duration quiet) {
    while (true) {
      Message message = policeQueue.receive(QUEUE, quiet.toMillis());
      if (message == null) {
        return;
      }
      RECEIVED
          .computeIfAbsent(
              message.getMessageProperties().getMessageId(),
              id -> java.util.Collections.synchronizedList(new ArrayList<>()))
          .add(message);
    }
  }

  private static void awaitReceived(List<String> leads) {
    await()
        .atMost(PATIENCE)
        .until(
            () -> {
              drainFor(Duration.ofMillis(100));
              return RECEIVED.keySet().containsAll(leads);
            });
  }

  private void awaitFeedStates(List<String> leads, String state) {
    await()
        .atMost(PATIENCE)
        .until(
            () -> feedEntries(leads),
            entries ->
                entries.size() == leads.size()
                    && entries.stream().allMatch(e -> e.path("state").asText().equals(state)));
  }

  /** The feed entries of these leads, in feed order. */
  private List<JsonNode> feedEntries(List<String> leads) throws Exception {
    Set<String> wanted = new HashSet<>(leads);
    List<JsonNode> found = new ArrayList<>();
    long cursor = 0;
    while (true) {
      JsonNode page = feed("police", "?after=" + cursor + "&limit=500").body();
      for (JsonNode item : page.path("items")) {
        if (wanted.contains(item.path("leadId").asText())) {
          found.add(item);
        }
      }
      if (page.path("items").size() < 500) {
        return found;
      }
      cursor = page.path("nextCursor").asLong();
    }
  }

  private record Answer(HttpStatus status, String contentType, JsonNode body) {}

  private Answer feed(String user, String query) throws Exception {
    ResponseEntity<String> answer =
        http.withBasicAuth(user, user)
            .getForEntity("/api/feeds/police-leads" + query, String.class);
    return new Answer(
        HttpStatus.valueOf(answer.getStatusCode().value()),
        answer.getHeaders().getContentType() == null
            ? null
            : answer.getHeaders().getContentType().toString(),
        answer.getBody() == null ? JSON.nullNode() : JSON.readTree(answer.getBody()));
  }

  private ResponseEntity<String> redeliver(String user, long after) {
    return http.withBasicAuth(user, user)
        .postForEntity("/api/admin/police-feed/redeliver?after=" + after, null, String.class);
  }

  private static void rabbitmqctl(String command) throws Exception {
    Process process = new ProcessBuilder("rabbitmqctl", command).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
      throw new IllegalStateException("rabbitmqctl " + command + " failed: " + output);
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
