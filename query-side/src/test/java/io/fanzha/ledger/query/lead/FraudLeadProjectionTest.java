package io.fanzha.ledger.query.lead;

import static io.fanzha.ledger.query.support.Events.by;
import static io.fanzha.ledger.query.support.Events.tracked;
import static org.assertj.core.api.Assertions.assertThat;

import io.fanzha.ledger.events.FraudCategory;
import io.fanzha.ledger.events.FraudLeadReported;
import io.fanzha.ledger.events.LeadAcknowledged;
import io.fanzha.ledger.events.LeadEscalated;
import io.fanzha.ledger.events.LeadOutcome;
import io.fanzha.ledger.events.LeadOutcomeRecorded;
import io.fanzha.ledger.events.Reporter;
import io.fanzha.ledger.events.Suspect;
import io.fanzha.ledger.query.support.ReadModelStore;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.EventMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class FraudLeadProjectionTest {

  private static ReadModelStore store;
  private AnnotationEventHandlerAdapter projection;
  private FraudLeads leads;

  @BeforeAll
  static void startStore() {
    store = ReadModelStore.start();
  }

  @AfterAll
  static void stopStore() {
    store.close();
  }

  @BeforeEach
  void freshReadModel() {
    store.dropAll();
    projection = new AnnotationEventHandlerAdapter(new FraudLeadProjection(store.template()));
    leads = new FraudLeads(store.template());
  }

  private static EventMessage<FraudLeadReported> reported(
      long position, String leadId, String unit, String at) {
    return tracked(
        position,
        "FraudLead",
        "lead:" + leadId,
        0,
        new FraudLeadReported(
            leadId,
            unit,
            "2026",
            LocalDate.parse("2026-03-01"),
            FraudCategory.FAKE_INVESTMENT,
            "elderly resident asked to buy 'gold futures'",
            new Suspect(List.of("13800000000"), List.of(), List.of("http://gold.example")),
            new Reporter("张三", "13912345678")),
        Instant.parse(at),
        by(unit + "-staff", "COMMUNITY", unit));
  }

  @Test
  void aReportedLeadIsKeptWithoutItsReporter() throws Exception {
    // When
    EventMessage<FraudLeadReported> event = reported(1, "l1", "c1", "2026-03-01T02:00:00Z");
    projection.handle(event);

    // Then
    FraudLead lead = leads.find(null, null).get(0);
    assertThat(lead)
        .extracting(
            FraudLead::leadId,
            FraudLead::reportingUnitId,
            FraudLead::campaignId,
            FraudLead::discoveredOn,
            FraudLead::category,
            FraudLead::summary,
            FraudLead::suspect,
            FraudLead::status,
            FraudLead::reportedAt,
            FraudLead::outcomes,
            FraudLead::state)
        .containsExactly(
            "l1",
            "c1",
            "2026",
            LocalDate.parse("2026-03-01"),
            FraudCategory.FAKE_INVESTMENT,
            "elderly resident asked to buy 'gold futures'",
            new Suspect(List.of("13800000000"), List.of(), List.of("http://gold.example")),
            LeadStatus.REPORTED,
            Instant.parse("2026-03-01T02:00:00Z"),
            List.of(),
            LeadState.REPORTED);
    String stored = store.raw(FraudLeadEntry.COLLECTION).get(0).toJson();
    assertThat(stored).doesNotContain("张三", "13912345678", "reporter");
    assertThat(stored).contains(event.getIdentifier());
  }

  @Test
  void theSameEventTwiceChangesNothing() throws Exception {
    // Given
    EventMessage<FraudLeadReported> event = reported(1, "l1", "c1", "2026-03-01T02:00:00Z");
    projection.handle(event);
    var before = store.raw(FraudLeadEntry.COLLECTION);

    // When
    projection.handle(event);

    // Then
    assertThat(store.raw(FraudLeadEntry.COLLECTION)).isEqualTo(before).hasSize(1);
  }

  @Test
  void leadsComeNewestFirstAndCanBeNarrowedToAUnitAndAStatus() throws Exception {
    // Given
    projection.handle(reported(1, "l1", "c1", "2026-03-01T02:00:00Z"));
    projection.handle(reported(2, "l2", "c2", "2026-03-02T02:00:00Z"));
    projection.handle(reported(3, "l3", "c1", "2026-03-03T02:00:00Z"));

    // Then
    assertThat(leads.find(null, null))
        .extracting(FraudLead::leadId)
        .containsExactly("l3", "l2", "l1");
    assertThat(leads.find("c1", LeadStatus.REPORTED))
        .extracting(FraudLead::leadId)
        .containsExactly("l3", "l1");
  }

  private static EventMessage<LeadOutcomeRecorded> outcome(
      long position, String leadId, LeadOutcome outcome, String at) {
    return tracked(
        position,
        "FraudLead",
        "lead:" + leadId,
        position,
        new LeadOutcomeRecorded(leadId, "c1", "2026", outcome, "note " + position),
        Instant.parse(at),
        by("police", "POLICE", null));
  }

  @Test
  void anOutcomeBecomesTheLeadsStatusAndIsKeptInItsHistory() throws Exception {
    // Given
    projection.handle(reported(1, "l1", "c1", "2026-03-01T02:00:00Z"));

    // When
    projection.handle(outcome(2, "l1", LeadOutcome.UNDER_INVESTIGATION, "2026-03-02T02:00:00Z"));
    projection.handle(outcome(3, "l1", LeadOutcome.CASE_FILED, "2026-03-05T02:00:00Z"));

    // Then
    FraudLead lead = leads.find(null, null).get(0);
    assertThat(lead.status()).isEqualTo(LeadStatus.CASE_FILED);
    assertThat(lead.outcomes())
        .containsExactly(
            new FraudLead.Outcome(
                LeadOutcome.UNDER_INVESTIGATION, "note 2", Instant.parse("2026-03-02T02:00:00Z")),
            new FraudLead.Outcome(
                LeadOutcome.CASE_FILED, "note 3", Instant.parse("2026-03-05T02:00:00Z")));
    assertThat(leads.find(null, LeadStatus.CASE_FILED))
        .extracting(FraudLead::leadId)
        .containsExactly("l1");
    assertThat(leads.find(null, LeadStatus.REPORTED)).isEmpty();
  }

  @Test
  void anOlderOutcomeDeliveredAgainDoesNotSetTheStatusBack() throws Exception {
    // Given
    EventMessage<FraudLeadReported> report = reported(1, "l1", "c1", "2026-03-01T02:00:00Z");
    projection.handle(report);
    EventMessage<LeadOutcomeRecorded> investigating =
        outcome(2, "l1", LeadOutcome.UNDER_INVESTIGATION, "2026-03-02T02:00:00Z");
    EventMessage<LeadOutcomeRecorded> invalid =
        outcome(3, "l1", LeadOutcome.INVALID, "2026-03-02T02:00:00Z");
    projection.handle(investigating);
    projection.handle(invalid);
    var before = store.raw(FraudLeadEntry.COLLECTION);

    // When the older outcome, and the report, arrive again
    projection.handle(investigating);
    projection.handle(report);
    projection.handle(invalid);

    // Then
    assertThat(store.raw(FraudLeadEntry.COLLECTION)).isEqualTo(before);
    assertThat(leads.find(null, null).get(0).status()).isEqualTo(LeadStatus.INVALID);
  }

  @Test
  void outcomesHandledOutOfLogOrderStillEndOnTheLatest() throws Exception {
    // Given
    projection.handle(reported(1, "l1", "c1", "2026-03-01T02:00:00Z"));

    // When the later outcome is handled first
    projection.handle(outcome(5, "l1", LeadOutcome.DUPLICATE, "2026-03-06T02:00:00Z"));
    projection.handle(outcome(4, "l1", LeadOutcome.CASE_FILED, "2026-03-05T02:00:00Z"));

    // Then
    FraudLead lead = leads.find(null, null).get(0);
    assertThat(lead.status()).isEqualTo(LeadStatus.DUPLICATE);
    assertThat(lead.outcomes())
        .extracting(FraudLead.Outcome::outcome)
        .containsExactly(LeadOutcome.CASE_FILED, LeadOutcome.DUPLICATE);
  }

  @Test
  void aResetClearsTheLeads() throws Exception {
    // Given
    projection.handle(reported(1, "l1", "c1", "2026-03-01T02:00:00Z"));

    // When
    projection.prepareReset();

    // Then
    assertThat(store.raw(FraudLeadEntry.COLLECTION)).isEmpty();
  }

  private static EventMessage<FraudLeadReported> reported(
      long position, String leadId, String unit, String at, Suspect suspect) {
    return tracked(
        position,
        "FraudLead",
        "lead:" + leadId,
        0,
        new FraudLeadReported(
            leadId,
            unit,
            "2026",
            LocalDate.parse("2026-03-01"),
            FraudCategory.FAKE_INVESTMENT,
            "summary",
            suspect,
            null),
        Instant.parse(at),
        by(unit + "-staff", "COMMUNITY", unit));
  }

  private static EventMessage<LeadAcknowledged> acknowledged(
      long position, String leadId, String at) {
    return tracked(
        position,
        "FraudLead",
        "lead:" + leadId,
        position,
        new LeadAcknowledged(leadId, "c1", "2026"),
        Instant.parse(at),
        by("police", "POLICE", null));
  }

  private static EventMessage<LeadEscalated> escalated(long position, String leadId, String at) {
    return tracked(
        position,
        "FraudLead",
        "lead:" + leadId,
        position,
        new LeadEscalated(leadId, "c1", "2026", Instant.parse(at)),
        Instant.parse(at),
        by("system", "STREET_OFFICE", null));
  }

  @Test
  void anAcknowledgedLeadIsInStateAcknowledgedAndKeepsItsStatusReported() throws Exception {
    // Given
    projection.handle(reported(1, "l1", "c1", "2026-03-01T02:00:00Z"));

    // When
    projection.handle(acknowledged(2, "l1", "2026-03-01T08:00:00Z"));

    // Then
    FraudLead lead = leads.find(null, null).get(0);
    assertThat(lead.state()).isEqualTo(LeadState.ACKNOWLEDGED);
    assertThat(lead.status()).isEqualTo(LeadStatus.REPORTED);
    assertThat(lead.acknowledgedAt()).isEqualTo(Instant.parse("2026-03-01T08:00:00Z"));
    assertThat(leads.find(null, LeadStatus.REPORTED)).hasSize(1);
    assertThat(leads.find(null, null, LeadState.ACKNOWLEDGED, null)).hasSize(1);
    assertThat(leads.find(null, null, LeadState.REPORTED, null)).isEmpty();
  }

  @Test
  void eachStateCanBeFilteredOn() throws Exception {
    // Given a lead in each state
    projection.handle(reported(1, "reported", "c1", "2026-03-01T02:00:00Z"));
    projection.handle(reported(2, "acked", "c1", "2026-03-01T02:00:00Z"));
    projection.handle(reported(3, "escalated", "c1", "2026-03-01T02:00:00Z"));
    projection.handle(reported(4, "late", "c1", "2026-03-01T02:00:00Z"));
    projection.handle(reported(5, "filed", "c1", "2026-03-01T02:00:00Z"));
    projection.handle(acknowledged(6, "acked", "2026-03-01T05:00:00Z"));
    projection.handle(escalated(7, "escalated", "2026-03-03T02:00:00Z"));
    projection.handle(escalated(8, "late", "2026-03-03T02:00:00Z"));
    projection.handle(acknowledged(9, "late", "2026-03-04T02:00:00Z"));
    projection.handle(escalated(10, "filed", "2026-03-03T02:00:00Z"));
    projection.handle(outcome(11, "filed", LeadOutcome.CASE_FILED, "2026-03-05T02:00:00Z"));

    // Then
    assertThat(leads.find(null, null, LeadState.REPORTED, null))
        .extracting(FraudLead::leadId)
        .containsExactly("reported");
    assertThat(leads.find(null, null, LeadState.ACKNOWLEDGED, null))
        .extracting(FraudLead::leadId)
        .containsExactlyInAnyOrder("acked", "late");
    assertThat(leads.find(null, null, LeadState.ESCALATED, null))
        .extracting(FraudLead::leadId)
        .containsExactly("escalated");
    assertThat(leads.find(null, null, LeadState.CASE_FILED, null))
        .extracting(FraudLead::leadId, FraudLead::escalatedAt)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("filed", Instant.parse("2026-03-03T02:00:00Z")));
    assertThat(leads.find(null, LeadStatus.REPORTED)).hasSize(4);
  }

  @Test
  void theStateIsTheSameWhateverOrderTheEventsArriveInAndHoweverOftenTheyAreRedelivered()
      throws Exception {
    List<EventMessage<?>> events =
        List.of(
            reported(1, "l1", "c1", "2026-03-01T02:00:00Z"),
            escalated(2, "l1", "2026-03-03T02:00:00Z"),
            acknowledged(3, "l1", "2026-03-04T02:00:00Z"),
            outcome(4, "l1", LeadOutcome.UNDER_INVESTIGATION, "2026-03-05T02:00:00Z"),
            outcome(5, "l1", LeadOutcome.DUPLICATE, "2026-03-06T02:00:00Z"));
    Random random = new Random(6);
    for (int round = 0; round < 8; round++) {
      // Given
      store.dropAll();
      List<EventMessage<?>> shuffled = new ArrayList<>(events);
      shuffled.addAll(events.subList(0, 1 + random.nextInt(events.size())));
      Collections.shuffle(shuffled, random);

      // When
      for (EventMessage<?> event : shuffled) {
        projection.handle(event);
      }

      // Then
      FraudLead lead = leads.find(null, null).get(0);
      assertThat(lead.state()).as("round %d", round).isEqualTo(LeadState.DUPLICATE);
      assertThat(lead.acknowledgedAt()).isEqualTo(Instant.parse("2026-03-04T02:00:00Z"));
      assertThat(lead.escalatedAt()).isEqualTo(Instant.parse("2026-03-03T02:00:00Z"));
      assertThat(lead.reportedAt()).isEqualTo(Instant.parse("2026-03-01T02:00:00Z"));
      assertThat(lead.outcomes()).hasSize(2);
    }
  }

  @Test
  void anAcknowledgementArrivingBeforeTheReportStillLeavesTheLeadReportedInStatus()
      throws Exception {
    // When
    projection.handle(acknowledged(2, "l1", "2026-03-01T08:00:00Z"));
    projection.handle(reported(1, "l1", "c1", "2026-03-01T02:00:00Z"));

    // Then
    FraudLead lead = leads.find(null, null).get(0);
    assertThat(lead.status()).isEqualTo(LeadStatus.REPORTED);
    assertThat(lead.state()).isEqualTo(LeadState.ACKNOWLEDGED);
  }

  @Test
  void theAgeIsTheTimeSinceTheLeadWasReported() throws Exception {
    // Given
    projection.handle(reported(1, "l1", "c1", "2026-03-01T02:00:00Z"));

    // When
    FraudLead lead = leads.find(null, null, null, Instant.parse("2026-03-03T04:30:00Z")).get(0);

    // Then
    assertThat(lead.age()).isEqualTo("PT50H30M");
    assertThat(lead.ageHours()).isEqualTo(50);
  }

  @Test
  void underTheSimulationClockLeadsAgeByTheNewestEventSeen() throws Exception {
    // Given
    LeadClock clock =
        new LeadClock(
            store.template(), new io.fanzha.ledger.query.Generations(store.template()), true);
    projection.handle(reported(1, "l1", "c1", "2026-03-01T02:00:00Z"));
    projection.handle(
        tracked(
            2,
            "Campaign",
            "campaign:2026",
            1,
            new io.fanzha.ledger.events.CampaignMonthClosed(
                "2026", java.time.YearMonth.of(2026, 3)),
            Instant.parse("2026-03-31T16:00:00Z"),
            by("system", "STREET_OFFICE", null)));

    // When
    FraudLead lead = leads.find(null, null, null, clock.now()).get(0);

    // Then
    assertThat(clock.now()).isEqualTo(Instant.parse("2026-03-31T16:00:00Z"));
    assertThat(lead.ageHours()).isEqualTo(30 * 24 + 14);
  }

  @Test
  void leadsSharingAPhoneAccountOrUrlAreLinkedBothWaysWhicheverCameFirst() throws Exception {
    // Given the same targets spelt differently
    projection.handle(
        reported(
            1,
            "l1",
            "c1",
            "2026-03-01T02:00:00Z",
            new Suspect(List.of("+86 138-0000-0000"), List.of("wx 12 34"), List.of())));
    projection.handle(
        reported(
            2,
            "l2",
            "c2",
            "2026-03-02T02:00:00Z",
            new Suspect(List.of("13800000000"), List.of(), List.of("HTTP://Gold.Example/"))));
    projection.handle(
        reported(
            3,
            "l3",
            "c1",
            "2026-03-03T02:00:00Z",
            new Suspect(
                List.of("8613800000000"), List.of("wx1234"), List.of("http://gold.example"))));
    projection.handle(
        reported(
            4,
            "l4",
            "c1",
            "2026-03-04T02:00:00Z",
            new Suspect(List.of("13900000000"), List.of(), List.of())));

    // Then
    List<FraudLead> all = leads.find(null, null);
    FraudLead l1 = all.stream().filter(l -> l.leadId().equals("l1")).findFirst().orElseThrow();
    FraudLead l2 = all.stream().filter(l -> l.leadId().equals("l2")).findFirst().orElseThrow();
    FraudLead l3 = all.stream().filter(l -> l.leadId().equals("l3")).findFirst().orElseThrow();
    FraudLead l4 = all.stream().filter(l -> l.leadId().equals("l4")).findFirst().orElseThrow();
    assertThat(l1.linkedLeadIds()).containsExactly("l2", "l3");
    assertThat(l2.linkedLeadIds()).containsExactly("l1", "l3");
    assertThat(l3.linkedLeadIds()).containsExactly("l1", "l2");
    assertThat(l4.linkedLeadIds()).isEmpty();
    assertThat(l1.links().get(1).shared())
        .containsExactly(
            new SuspectIdentifiers.Identifier(SuspectIdentifiers.Kind.PHONE, "13800000000"),
            new SuspectIdentifiers.Identifier(SuspectIdentifiers.Kind.ACCOUNT, "wx1234"));
    assertThat(l2.links().get(1).shared())
        .containsExactly(
            new SuspectIdentifiers.Identifier(SuspectIdentifiers.Kind.PHONE, "13800000000"),
            new SuspectIdentifiers.Identifier(SuspectIdentifiers.Kind.URL, "http://gold.example"));
    // a unit's own view links only to its own unit's leads
    assertThat(leads.find("c1", null).get(2).linkedLeadIds()).containsExactly("l3");
    assertThat(leads.get("l2", null, null).orElseThrow().linkedLeadIds())
        .containsExactly("l1", "l3");
    assertThat(leads.get("nope", null, null)).isEmpty();
  }

  @Test
  void linksAreBuiltTheSameWhenTheReportsArriveAgainOrInAnotherOrder() throws Exception {
    // Given
    var first = reported(1, "l1", "c1", "2026-03-01T02:00:00Z");
    var second = reported(2, "l2", "c2", "2026-03-02T02:00:00Z");
    projection.handle(first);
    projection.handle(second);
    var index = store.raw(SuspectIdentifierEntry.COLLECTION);
    var entries = store.raw(FraudLeadEntry.COLLECTION);

    // When redelivered, and replayed in another order
    projection.handle(first);
    projection.handle(second);
    var redelivered = store.raw(SuspectIdentifierEntry.COLLECTION);
    store.dropAll();
    projection.handle(second);
    projection.handle(first);

    // Then
    assertThat(redelivered).isEqualTo(index);
    assertThat(store.raw(SuspectIdentifierEntry.COLLECTION))
        .extracting(d -> d.get("_id"))
        .containsExactly("PHONE:13800000000", "URL:http://gold.example");
    assertThat(store.raw(FraudLeadEntry.COLLECTION)).hasSize(entries.size());
    assertThat(leads.find(null, null))
        .extracting(FraudLead::linkedLeadIds)
        .containsExactly(List.of("l1"), List.of("l2"));
  }

  @Test
  void aResetClearsTheLinksToo() throws Exception {
    // Given
    projection.handle(reported(1, "l1", "c1", "2026-03-01T02:00:00Z"));

    // When
    projection.prepareReset();

    // Then
    assertThat(store.raw(SuspectIdentifierEntry.COLLECTION)).isEmpty();
    assertThat(store.raw(LeadsNewestEvent.COLLECTION)).isEmpty();
  }
}
