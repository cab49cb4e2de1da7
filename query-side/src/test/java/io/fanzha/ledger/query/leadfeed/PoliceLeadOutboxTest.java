package io.fanzha.ledger.query.leadfeed;

import static io.fanzha.ledger.query.support.Events.by;
import static io.fanzha.ledger.query.support.Events.tracked;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fanzha.ledger.events.FraudCategory;
import io.fanzha.ledger.events.FraudLeadReported;
import io.fanzha.ledger.events.LeadAcknowledged;
import io.fanzha.ledger.events.LeadEscalated;
import io.fanzha.ledger.events.LeadOutcome;
import io.fanzha.ledger.events.LeadOutcomeRecorded;
import io.fanzha.ledger.events.PersonalDataErased;
import io.fanzha.ledger.events.Reporter;
import io.fanzha.ledger.events.Suspect;
import io.fanzha.ledger.events.UnitKind;
import io.fanzha.ledger.events.UnitRegistered;
import io.fanzha.ledger.platform.pipl.PersonalDataKeys;
import io.fanzha.ledger.query.support.ReadModelStore;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.EventMessage;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The outbox against a real socket MongoDB stand-in, fed events as its processor would. */
class PoliceLeadOutboxTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Instant T0 = Instant.parse("2026-03-01T02:00:00Z");
  private static ReadModelStore store;
  private AnnotationEventHandlerAdapter outbox;
  private OutboxEntries entries;
  private final List<EventMessage<?>> log = new ArrayList<>();

  @BeforeAll
  static void startStore() {
    store = ReadModelStore.start();
  }

  @AfterAll
  static void stopStore() {
    store.close();
  }

  @BeforeEach
  void emptyOutbox() {
    store.dropAll();
    outbox = outbox(false);
    entries = new OutboxEntries(store.template());
    log.clear();
  }

  private static AnnotationEventHandlerAdapter outbox(boolean includeReporterContact) {
    return new AnnotationEventHandlerAdapter(
        new PoliceLeadOutbox(store.template(), includeReporterContact));
  }

  private void handle(Object payload) throws Exception {
    handle(outbox, payload);
  }

  private void handle(AnnotationEventHandlerAdapter into, Object payload) throws Exception {
    long position = log.size();
    EventMessage<?> event =
        tracked(
            position,
            "Lead",
            "lead:" + position,
            0,
            payload,
            T0.plusSeconds(60 * position),
            by("c1-staff", "COMMUNITY", "c1"));
    log.add(event);
    into.handle(event);
  }

  private static FraudLeadReported lead(String leadId, Reporter reporter) {
    return new FraudLeadReported(
        leadId,
        "c1",
        "2026",
        LocalDate.parse("2026-03-01"),
        FraudCategory.FAKE_INVESTMENT,
        "elderly resident asked to buy 'gold futures'",
        new Suspect(
            List.of("13800000000"), List.of("6222000011112222"), List.of("http://g.example")),
        reporter);
  }

  private static FraudLeadReported lead(String leadId) {
    return lead(leadId, new Reporter("张三", "13912345678"));
  }

  private OutboxEntry entry(String leadId) {
    return entries.find(leadId).orElseThrow();
  }

  private JsonNode message(String leadId) throws Exception {
    return JSON.readTree(entry(leadId).message());
  }

  @Test
  void aReportedLeadWaitsInTheOutboxWithTheMessageToSendAndTheFirstSequence() throws Exception {
    // Given
    handle(new UnitRegistered("c1", "东门社区", UnitKind.COMMUNITY, "s1", 12000));

    // When
    handle(lead("l1"));

    // Then
    OutboxEntry entry = entry("l1");
    assertThat(entry.sequence()).isEqualTo(1);
    assertThat(entry.state()).isEqualTo(FeedState.PENDING);
    assertThat(entry.delivery()).isEqualTo(DeliveryState.PENDING);
    assertThat(entry.attempts()).isZero();
    assertThat(entry.escalated()).isFalse();
    JsonNode message = message("l1");
    assertThat(message.path("schema").asText()).isEqualTo("fanzha.police-lead");
    assertThat(message.path("schemaVersion").asInt()).isEqualTo(1);
    assertThat(message.path("leadId").asText()).isEqualTo("l1");
    assertThat(message.path("reportedAt").asText()).isEqualTo("2026-03-01T02:01:00Z");
    assertThat(message.path("discoveredOn").asText()).isEqualTo("2026-03-01");
    assertThat(message.path("category").asText()).isEqualTo("FAKE_INVESTMENT");
    assertThat(message.path("reportingUnit").path("id").asText()).isEqualTo("c1");
    assertThat(message.path("reportingUnit").path("name").asText()).isEqualTo("东门社区");
    assertThat(message.path("campaignId").asText()).isEqualTo("2026");
    assertThat(message.path("suspect").path("phones").get(0).asText()).isEqualTo("13800000000");
    assertThat(message.path("suspect").path("accounts").get(0).asText())
        .isEqualTo("6222000011112222");
    assertThat(message.path("suspect").path("urls").get(0).asText()).isEqualTo("http://g.example");
  }

  @Test
  void theMessageHasTheFieldsOfTheDocumentedSchema() throws Exception {
    // Given the schema operators are given
    JsonNode schema =
        JSON.readTree(
            java.nio.file.Path.of(System.getProperty("basedir", "."))
                .resolve("../docs/police-lead-message.schema.json")
                .toFile());

    // When
    handle(new UnitRegistered("c1", "东门社区", UnitKind.COMMUNITY, "s1", 12000));
    handle(lead("l1"));

    // Then
    JsonNode message = message("l1");
    List<String> fields = new ArrayList<>();
    message.fieldNames().forEachRemaining(fields::add);
    List<String> documented = new ArrayList<>();
    schema.path("properties").fieldNames().forEachRemaining(documented::add);
    List<String> required = new ArrayList<>();
    schema.path("required").forEach(r -> required.add(r.asText()));
    assertThat(fields).containsExactlyElementsOf(documented).containsAll(required);
    assertThat(message.path("schema").asText())
        .isEqualTo(schema.path("properties").path("schema").path("const").asText());
    assertThat(message.path("schemaVersion").asInt())
        .isEqualTo(schema.path("properties").path("schemaVersion").path("const").asInt());
  }

  @Test
  void theReporterTravelsAsAContactReferenceAndIsNotStored() throws Exception {
    // When
    handle(lead("l1"));

    // Then
    JsonNode reporter = message("l1").path("reporter");
    assertThat(reporter.path("contactRef").asText())
        .isEqualTo("/api/fraud-leads/l1/reporter-disclosures");
    assertThat(reporter.has("name")).isFalse();
    assertThat(reporter.has("phone")).isFalse();
    assertThat(store.raw(OutboxEntry.COLLECTION).get(0).toJson())
        .doesNotContain("张三", "13912345678");
  }

  @Test
  void theReportersNameAndPhoneTravelOnlyWhenConfigured() throws Exception {
    // Given
    outbox = outbox(true);

    // When
    handle(lead("l1"));

    // Then
    JsonNode reporter = message("l1").path("reporter");
    assertThat(reporter.path("name").asText()).isEqualTo("张三");
    assertThat(reporter.path("phone").asText()).isEqualTo("13912345678");
    assertThat(reporter.has("contactRef")).isFalse();
  }

  @Test
  void anErasedReportersContactLeavesTheMessagesThatCarriedIt() throws Exception {
    // Given two leads whose reporters' contacts travel, one of them reported by 13912345678
    outbox = outbox(true);
    handle(lead("l1"));
    handle(lead("l2", new Reporter("李四", "13800001111")));

    // When that person is erased (the number in another notation names the same subject)
    handle(
        new PersonalDataErased(
            new PersonalDataKeys(store.template()).subjectOf("+86 139 1234 5678")));

    // Then their lead's message shows the contact erased, and the other keeps its own
    assertThat(message("l1").path("reporter").path("name").asText())
        .isEqualTo(PersonalDataKeys.ERASED);
    assertThat(message("l1").toString()).doesNotContain("13912345678", "张三");
    assertThat(message("l2").path("reporter").path("phone").asText()).isEqualTo("13800001111");
  }

  @Test
  void aLeadWithoutAReporterCarriesNeitherContactNorReference() throws Exception {
    // When
    handle(lead("l1", null));

    // Then
    assertThat(message("l1").has("reporter")).isFalse();
  }

  @Test
  void sequencesFollowTheOrderLeadsAreTakenInAndAReplayChangesNothing() throws Exception {
    // Given three leads, the first delivered and acknowledged, the second given an outcome
    handle(lead("l-b"));
    handle(lead("l-a"));
    handle(lead("l-c"));
    OutboxEntry first = entries.claimNext("me", T0, T0.plusSeconds(60)).orElseThrow();
    entries.delivered(first, "me", T0.plusSeconds(1));
    handle(new LeadAcknowledged("l-b", "c1", "2026"));
    handle(new LeadOutcomeRecorded("l-a", "c1", "2026", LeadOutcome.CASE_FILED, "已立案"));
    List<Document> before = store.raw(OutboxEntry.COLLECTION);

    // When the whole log is handled again, by a fresh outbox with the reporter's contact on
    AnnotationEventHandlerAdapter replay = outbox(true);
    for (EventMessage<?> event : List.copyOf(log)) {
      replay.handle(event);
    }

    // Then
    assertThat(store.raw(OutboxEntry.COLLECTION)).isEqualTo(before);
    assertThat(List.of(entry("l-b"), entry("l-a"), entry("l-c")))
        .extracting(OutboxEntry::sequence)
        .containsExactly(1L, 2L, 3L);
    assertThat(entry("l-b").delivery()).isEqualTo(DeliveryState.DELIVERED);
    assertThat(entry("l-b").state()).isEqualTo(FeedState.ACKNOWLEDGED);
    assertThat(entry("l-a").state()).isEqualTo(FeedState.OUTCOME);
    assertThat(entry("l-c").state()).isEqualTo(FeedState.PENDING);
  }

  @Test
  void theStateOnlyMovesForwardAndKeepsTheLatestOutcome() throws Exception {
    // Given
    handle(lead("l1"));
    entries.delivered(entries.claimNext("me", T0, T0.plusSeconds(60)).orElseThrow(), "me", T0);
    assertThat(entry("l1").state()).isEqualTo(FeedState.DELIVERED);

    // When
    handle(new LeadAcknowledged("l1", "c1", "2026"));
    Instant acknowledgedAt = entry("l1").acknowledgedAt();
    handle(new LeadOutcomeRecorded("l1", "c1", "2026", LeadOutcome.UNDER_INVESTIGATION, null));
    EventMessage<?> earlierOutcome = log.get(log.size() - 1);
    handle(new LeadOutcomeRecorded("l1", "c1", "2026", LeadOutcome.CASE_FILED, "已立案"));
    handle(new LeadAcknowledged("l1", "c1", "2026"));
    handle(new LeadEscalated("l1", "c1", "2026", T0.plusSeconds(48 * 3600)));
    outbox.handle(earlierOutcome);

    // Then
    OutboxEntry entry = entry("l1");
    assertThat(entry.state()).isEqualTo(FeedState.OUTCOME);
    assertThat(entry.outcome()).isEqualTo(LeadOutcome.CASE_FILED);
    assertThat(entry.acknowledgedAt()).isEqualTo(acknowledgedAt).isEqualTo("2026-03-01T02:01:00Z");
    assertThat(entry.escalated()).isTrue();
    assertThat(entry.delivery()).isEqualTo(DeliveryState.DELIVERED);
  }

  @Test
  void aSecondInstanceWithAStaleCounterStillTakesTheNextSequence() throws Exception {
    // Given one lead taken in by this instance
    handle(lead("l1"));

    // When another instance takes the next lead, and this one the one after, with what it knew
    AnnotationEventHandlerAdapter other = outbox(false);
    handle(other, lead("l2"));
    handle(lead("l3"));

    // Then the sequences stay contiguous and unique
    assertThat(entries.after(0, 10))
        .extracting(OutboxEntry::leadId, OutboxEntry::sequence)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("l1", 1L),
            org.assertj.core.groups.Tuple.tuple("l2", 2L),
            org.assertj.core.groups.Tuple.tuple("l3", 3L));
  }

  @Test
  void aClaimedEntryIsHeldFromOtherInstancesAndAFailedOneWaitsForItsNextAttempt() throws Exception {
    // Given
    handle(lead("l1"));
    handle(lead("l2"));

    // When two instances claim at once
    OutboxEntry mine = entries.claimNext("me", T0, T0.plusSeconds(60)).orElseThrow();
    OutboxEntry theirs = entries.claimNext("them", T0, T0.plusSeconds(60)).orElseThrow();

    // Then each holds its own
    assertThat(mine.leadId()).isEqualTo("l1");
    assertThat(theirs.leadId()).isEqualTo("l2");
    assertThat(entries.claimNext("third", T0, T0.plusSeconds(60))).isEmpty();

    // When mine fails and theirs is delivered
    entries.failed(mine, "me", T0, T0.plusSeconds(30), "broker unreachable");
    entries.delivered(theirs, "them", T0.plusSeconds(1));

    // Then mine waits for its next attempt, then is due again
    assertThat(entries.claimNext("me", T0.plusSeconds(29), T0.plusSeconds(90))).isEmpty();
    OutboxEntry again = entries.claimNext("me", T0.plusSeconds(30), T0.plusSeconds(90)).get();
    assertThat(again.leadId()).isEqualTo("l1");
    assertThat(again.attempts()).isEqualTo(1);
    assertThat(again.lastFailure()).isEqualTo("broker unreachable");
    assertThat(entry("l2").attempts()).isEqualTo(1);
    assertThat(entry("l2").deliveredAt()).isEqualTo(T0.plusSeconds(1));
  }

  @Test
  void aRedeliverySendsEntriesAfterTheCursorAgainAndKeepsWhatThePoliceAnswered() throws Exception {
    // Given three delivered leads, the third acknowledged
    handle(lead("l1"));
    handle(lead("l2"));
    handle(lead("l3"));
    for (int i = 0; i < 3; i++) {
      entries.delivered(entries.claimNext("me", T0, T0.plusSeconds(60)).orElseThrow(), "me", T0);
    }
    handle(new LeadAcknowledged("l3", "c1", "2026"));

    // When
    long count = entries.redeliver(1);

    // Then
    assertThat(count).isEqualTo(2);
    assertThat(entry("l1").delivery()).isEqualTo(DeliveryState.DELIVERED);
    assertThat(entry("l2").delivery()).isEqualTo(DeliveryState.PENDING);
    assertThat(entry("l2").state()).isEqualTo(FeedState.PENDING);
    assertThat(entry("l3").delivery()).isEqualTo(DeliveryState.PENDING);
    assertThat(entry("l3").state()).isEqualTo(FeedState.ACKNOWLEDGED);
    assertThat(entries.claimNext("me", T0, T0.plusSeconds(60)).orElseThrow().leadId())
        .isEqualTo("l2");
  }
}
