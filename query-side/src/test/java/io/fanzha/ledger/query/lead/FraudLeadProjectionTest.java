package io.fanzha.ledger.query.lead;

import static io.fanzha.ledger.query.support.Events.by;
import static io.fanzha.ledger.query.support.Events.tracked;
import static org.assertj.core.api.Assertions.assertThat;

import io.fanzha.ledger.events.FraudCategory;
import io.fanzha.ledger.events.FraudLeadReported;
import io.fanzha.ledger.events.LeadOutcome;
import io.fanzha.ledger.events.LeadOutcomeRecorded;
import io.fanzha.ledger.events.Reporter;
import io.fanzha.ledger.events.Suspect;
import io.fanzha.ledger.query.support.ReadModelStore;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
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
    assertThat(leads.find(null, null))
        .containsExactly(
            new FraudLead(
                "l1",
                "c1",
                "2026",
                LocalDate.parse("2026-03-01"),
                FraudCategory.FAKE_INVESTMENT,
                "elderly resident asked to buy 'gold futures'",
                new Suspect(List.of("13800000000"), List.of(), List.of("http://gold.example")),
                LeadStatus.REPORTED,
                Instant.parse("2026-03-01T02:00:00Z"),
                List.of()));
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
}
