package io.fanzha.ledger.harness.demo;

import com.fasterxml.jackson.databind.JsonNode;
import io.fanzha.ledger.harness.client.AuditTrail;
import io.fanzha.ledger.harness.client.LedgerClient;
import io.fanzha.ledger.harness.client.LedgerResponse;
import io.fanzha.ledger.harness.demo.StreetPlan.Account;
import io.fanzha.ledger.harness.demo.StreetPlan.Commendation;
import io.fanzha.ledger.harness.demo.StreetPlan.Evidence;
import io.fanzha.ledger.harness.demo.StreetPlan.Lead;
import io.fanzha.ledger.harness.demo.StreetPlan.Penalty;
import io.fanzha.ledger.harness.demo.StreetPlan.PublishEvent;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends a {@link StreetPlan} through the command side's public API, each request as the account the
 * contract wants: units, campaign and accounts as the street office, then the activity day by day,
 * each item as its unit's account, penalties and commendations as the street office.
 *
 * <p>Creates carry their ids, so sending a plan again records nothing new. Evidence uploads carry
 * no id: when an {@link AuditTrail} is given, files of publicity events that already have evidence
 * in the trail are not sent again.
 */
public final class StreetPlanRecorder {

  private static final Logger log = LoggerFactory.getLogger(StreetPlanRecorder.class);
  private static final Duration LOGIN_TIMEOUT = Duration.ofSeconds(30);

  private final LedgerClient commandSide;
  private final LedgerClient streetOffice;
  private final AuditTrail auditTrail;

  /**
   * @param commandSide a client of the command side (its credentials are not used)
   * @param streetOfficeUser the street office account, e.g. {@code street}
   * @param streetOfficePassword its password
   * @param auditTrail the query side's audit trail, to avoid a second upload; may be {@code null}
   */
  public StreetPlanRecorder(
      LedgerClient commandSide,
      String streetOfficeUser,
      String streetOfficePassword,
      AuditTrail auditTrail) {
    this.commandSide = commandSide;
    this.streetOffice = commandSide.as(streetOfficeUser, streetOfficePassword);
    this.auditTrail = auditTrail;
  }

  /** What a load sent and what the ledger answered. */
  public record LoadReport(
      int requests, Map<Integer, Integer> statuses, int evidenceSkipped, List<String> refusals) {

    public boolean allAccepted() {
      return refusals.isEmpty();
    }

    @Override
    public String toString() {
      return requests
          + " requests, answers "
          + statuses
          + (evidenceSkipped > 0 ? ", " + evidenceSkipped + " evidence files already there" : "")
          + (refusals.isEmpty() ? "" : ", refused: " + refusals);
    }
  }

  public LoadReport record(StreetPlan plan) {
    LedgerClient.awaitLogin(streetOffice, LOGIN_TIMEOUT);
    Tally tally = new Tally();
    plan.units().forEach(u -> tally.add("unit " + u.id(), streetOffice.post("/api/units", u)));
    tally.add(
        "campaign " + plan.campaign().id(), streetOffice.post("/api/campaigns", plan.campaign()));
    plan.accounts()
        .forEach(a -> tally.add("account " + a.username(), streetOffice.post("/api/accounts", a)));

    Set<String> withEvidence = eventsWithEvidence(plan);
    for (Activity activity : activities(plan)) {
      Object item = activity.item();
      if (item instanceof PublishEvent event) {
        recordPublishEvent(plan, event, withEvidence, tally);
      } else if (item instanceof Lead lead) {
        tally.add(
            "lead " + lead.id(), as(plan, lead.reportingUnitId()).post("/api/fraud-leads", lead));
      } else if (item instanceof Penalty penalty) {
        tally.add("penalty " + penalty.id(), streetOffice.post("/api/penalties", penalty));
      } else if (item instanceof Commendation commendation) {
        tally.add(
            "commendation " + commendation.id(),
            streetOffice.post("/api/commendations", commendation));
      }
    }
    LoadReport report =
        new LoadReport(
            tally.requests,
            Collections.unmodifiableMap(new TreeMap<>(tally.statuses)),
            tally.evidenceSkipped,
            List.copyOf(tally.refusals));
    log.info("demo street sent: {}", report);
    return report;
  }

  private void recordPublishEvent(
      StreetPlan plan, PublishEvent event, Set<String> withEvidence, Tally tally) {
    LedgerClient unit = as(plan, event.unitId());
    LedgerResponse created = unit.post("/api/publish-events", event);
    tally.add("publish event " + event.id(), created);
    if (!created.isSuccess()) {
      return;
    }
    if (withEvidence.contains(event.id())) {
      tally.evidenceSkipped += event.evidence().size();
      return;
    }
    for (Evidence evidence : event.evidence()) {
      tally.add(
          "evidence of " + event.id(),
          unit.upload(
              "/api/publish-events/" + event.id() + "/evidence",
              evidence.fileName(),
              evidence.photo().mediaType(),
              evidence.photo().bytes(),
              Map.of("kind", evidence.kind())));
    }
  }

  private LedgerClient as(StreetPlan plan, String unitId) {
    Account account =
        plan.accountOf(unitId)
            .orElseThrow(() -> new IllegalStateException("the plan has no account for " + unitId));
    return commandSide.as(account.username(), account.password());
  }

  /** The publicity events of the plan whose evidence the audit trail already holds. */
  private Set<String> eventsWithEvidence(StreetPlan plan) {
    Set<String> found = new HashSet<>();
    if (auditTrail == null || plan.evidenceCount() == 0) {
      return found;
    }
    Set<String> units = new HashSet<>();
    plan.publishEvents().stream()
        .filter(e -> !e.evidence().isEmpty())
        .forEach(e -> units.add(e.unitId()));
    for (String unitId : units) {
      for (JsonNode entry : auditTrail.entries(Map.of("unitId", unitId))) {
        if (entry.path("type").asText().endsWith("EvidenceSubmitted")) {
          found.add(entry.path("payload").path("publishEventId").asText());
        }
      }
    }
    return found;
  }

  private record Activity(LocalDate day, int order, Object item) {}

  private static List<Activity> activities(StreetPlan plan) {
    List<Activity> all = new ArrayList<>();
    plan.publishEvents().forEach(e -> all.add(new Activity(e.heldOn(), 0, e)));
    plan.leads().forEach(l -> all.add(new Activity(l.discoveredOn(), 1, l)));
    plan.penalties().forEach(p -> all.add(new Activity(p.decidedOn(), 2, p)));
    plan.commendations().forEach(c -> all.add(new Activity(c.decidedOn(), 3, c)));
    all.sort(Comparator.comparing(Activity::day).thenComparingInt(Activity::order));
    return all;
  }

  private static final class Tally {
    private int requests;
    private int evidenceSkipped;
    private final Map<Integer, Integer> statuses = new TreeMap<>();
    private final List<String> refusals = new ArrayList<>();

    void add(String what, LedgerResponse response) {
      requests++;
      statuses.merge(response.status(), 1, Integer::sum);
      if (!response.isSuccess()) {
        String why = response.text("detail");
        refusals.add(what + " → " + response.status() + (why == null ? "" : " " + why));
        log.warn("{} refused: {} {}", what, response.status(), why == null ? "" : why);
      } else {
        log.debug("{} → {}", what, response.status());
      }
    }
  }
}
