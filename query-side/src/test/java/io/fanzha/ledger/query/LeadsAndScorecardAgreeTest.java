package io.fanzha.ledger.query;

import static io.fanzha.ledger.query.support.Events.by;
import static io.fanzha.ledger.query.support.Events.tracked;
import static org.assertj.core.api.Assertions.assertThat;

import io.fanzha.ledger.events.CampaignLaunched;
import io.fanzha.ledger.events.FraudCategory;
import io.fanzha.ledger.events.FraudLeadReported;
import io.fanzha.ledger.events.LeadAcknowledged;
import io.fanzha.ledger.events.LeadOutcome;
import io.fanzha.ledger.events.LeadOutcomeRecorded;
import io.fanzha.ledger.events.Rulebook;
import io.fanzha.ledger.events.Suspect;
import io.fanzha.ledger.events.UnitKind;
import io.fanzha.ledger.events.UnitRegistered;
import io.fanzha.ledger.query.lead.FraudLead;
import io.fanzha.ledger.query.lead.FraudLeadProjection;
import io.fanzha.ledger.query.lead.FraudLeads;
import io.fanzha.ledger.query.lead.LeadStatus;
import io.fanzha.ledger.query.scorecard.ScorecardDetail;
import io.fanzha.ledger.query.scorecard.ScorecardProjection;
import io.fanzha.ledger.query.scorecard.Scorecards;
import io.fanzha.ledger.query.scorecard.rules.ScoreRule;
import io.fanzha.ledger.query.support.ReadModelStore;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.EventMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The lead list's "case filed" and the scorecard's LEAD_CONFIRMED read the same facts: the latest
 * {@code LeadOutcomeRecorded} of each lead.
 */
class LeadsAndScorecardAgreeTest {

  private static ReadModelStore store;
  private long position;
  private final Map<String, String> leadOfOutcomeEvent = new HashMap<>();

  @BeforeAll
  static void startStore() {
    store = ReadModelStore.start();
  }

  @AfterAll
  static void stopStore() {
    store.close();
  }

  @Test
  void theLeadListsCaseFiledLeadsAreTheLeadsTheScorecardConfirms() throws Exception {
    // Given both read models fed the same log
    store.dropAll();
    var leadsModel = new AnnotationEventHandlerAdapter(new FraudLeadProjection(store.template()));
    var scorecardModel =
        new AnnotationEventHandlerAdapter(new ScorecardProjection(store.template()));
    List<AnnotationEventHandlerAdapter> both = List.of(leadsModel, scorecardModel);
    handle(both, "Unit", "c1", new UnitRegistered("c1", "东门社区", UnitKind.COMMUNITY, null, 10_000));
    handle(
        both,
        "Campaign",
        "2026",
        new CampaignLaunched(
            "2026",
            "反诈宣传 2026",
            "s1",
            LocalDate.parse("2026-01-01"),
            LocalDate.parse("2026-12-31"),
            30,
            LocalDate.parse("2026-12-30"),
            List.of("c1"),
            null,
            Rulebook.defaultRules()));
    for (String lead : List.of("filed", "filedLater", "filedThenInvalid", "acknowledged")) {
      handle(
          both,
          "FraudLead",
          lead,
          new FraudLeadReported(
              lead,
              "c1",
              "2026",
              LocalDate.parse("2026-03-01"),
              FraudCategory.ORDER_BRUSHING,
              "刷单",
              new Suspect(List.of(), List.of(), List.of()),
              null));
    }
    outcome(both, "filed", LeadOutcome.CASE_FILED);
    outcome(both, "filedLater", LeadOutcome.UNDER_INVESTIGATION);
    outcome(both, "filedLater", LeadOutcome.CASE_FILED);
    outcome(both, "filedThenInvalid", LeadOutcome.CASE_FILED);
    outcome(both, "filedThenInvalid", LeadOutcome.INVALID);
    handle(both, "FraudLead", "acknowledged", new LeadAcknowledged("acknowledged", "c1", "2026"));

    // When
    List<String> caseFiled =
        new FraudLeads(store.template())
            .find("c1", LeadStatus.CASE_FILED).stream().map(FraudLead::leadId).toList();
    ScorecardDetail detail = new Scorecards(store.template()).detail("2026", "c1", null);
    List<String> confirmed =
        detail.lines().stream()
            .filter(line -> line.rule() == ScoreRule.LEAD_CONFIRMED)
            .flatMap(line -> line.eventIds().stream())
            .map(leadOfOutcomeEvent::get)
            .toList();

    // Then
    assertThat(caseFiled).containsExactlyInAnyOrder("filed", "filedLater");
    assertThat(confirmed).containsExactlyInAnyOrderElementsOf(caseFiled);
  }

  private void outcome(List<AnnotationEventHandlerAdapter> both, String lead, LeadOutcome outcome)
      throws Exception {
    EventMessage<?> event =
        handle(both, "FraudLead", lead, new LeadOutcomeRecorded(lead, "c1", "2026", outcome, null));
    leadOfOutcomeEvent.put(event.getIdentifier(), lead);
  }

  private EventMessage<?> handle(
      List<AnnotationEventHandlerAdapter> models, String type, String id, Object payload)
      throws Exception {
    position++;
    EventMessage<?> event =
        tracked(
            position,
            type,
            type.toLowerCase() + ":" + id,
            position,
            payload,
            Instant.parse("2026-03-01T02:00:00Z").plusSeconds(3600 * position),
            by("police", "POLICE", null));
    for (AnnotationEventHandlerAdapter model : models) {
      model.handle(event);
    }
    return event;
  }
}
