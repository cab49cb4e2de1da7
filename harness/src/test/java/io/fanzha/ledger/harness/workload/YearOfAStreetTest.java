package io.fanzha.ledger.harness.workload;

import static org.assertj.core.api.Assertions.assertThat;

import io.fanzha.ledger.harness.client.LedgerClient;
import io.fanzha.ledger.harness.demo.StreetPlan;
import io.fanzha.ledger.harness.workload.Requests.MonthlyReport;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class YearOfAStreetTest {

  private static final String ID_RULE = "[A-Za-z0-9_-]{1,64}";

  private static List<String> json(YearOfAStreet year) throws Exception {
    List<String> all = new ArrayList<>();
    for (List<WorkItem> phase : year.setup()) {
      for (WorkItem item : phase) {
        all.add(item.path() + " " + LedgerClient.json().writeValueAsString(item.body()));
      }
    }
    for (MonthOfWork month : year.steps()) {
      all.add("clock " + month.clock());
      for (List<WorkItem> phase : month.phases()) {
        for (WorkItem item : phase) {
          all.add(
              item.user()
                  + " "
                  + item.path()
                  + " "
                  + LedgerClient.json().writeValueAsString(item.body())
                  + (item.isUpload() ? " photo " + item.evidence().seed() : ""));
        }
      }
    }
    return all;
  }

  @Test
  void theSameSeedGivesTheSameYearAndAnotherSeedAnother() throws Exception {
    assertThat(json(new YearOfAStreet(7, 2027, 1.0, false)))
        .isEqualTo(json(new YearOfAStreet(7, 2027, 1.0, false)))
        .isNotEqualTo(json(new YearOfAStreet(8, 2027, 1.0, false)));
    assertThat(json(new YearOfAStreet(7, 2027, 1.0, true)))
        .isEqualTo(json(new YearOfAStreet(7, 2027, 1.0, true)));
  }

  @Test
  void thirtyCommunitiesWithPartnersAndAPoliceStation() {
    YearOfAStreet year = new YearOfAStreet(7, 2027, 1.0, false);
    assertThat(year.communities()).hasSize(30);
    assertThat(year.communities())
        .allSatisfy(
            u -> {
              assertThat(u.population()).isBetween(5_000, 20_000);
              assertThat(u.name()).endsWith("社区");
            });
    List<StreetPlan.Unit> units =
        year.setup().stream()
            .flatMap(List::stream)
            .filter(i -> i.what().equals("unit"))
            .map(i -> (StreetPlan.Unit) i.body())
            .toList();
    Map<String, Long> kinds = new HashMap<>();
    units.forEach(u -> kinds.merge(u.kind(), 1L, Long::sum));
    assertThat(kinds)
        .containsEntry("STREET_OFFICE", 1L)
        .containsEntry("COMMUNITY", 30L)
        .containsEntry("BANK_BRANCH", 6L)
        .containsEntry("SCHOOL", 6L)
        .containsEntry("TELECOM_BRANCH", 6L)
        .containsEntry("POLICE_STATION", 1L);
    assertThat(year.setup().get(0).get(0).body()).isEqualTo(units.get(0));
    assertThat(year.accounts()).hasSize(48);
  }

  @Test
  void everyFactIsDatedOnOrBeforeItsStepsClockAndIdsAreUniqueAndValid() {
    YearOfAStreet year = new YearOfAStreet(7, 2027, 1.0, false);
    Set<String> ids = new HashSet<>();
    List<MonthOfWork> steps = new ArrayList<>();
    year.steps().forEach(steps::add);
    assertThat(steps).hasSize(4 * 12 + 1);
    for (int s = 0; s < steps.size(); s++) {
      MonthOfWork step = steps.get(s);
      if (s > 0) {
        assertThat(step.clock()).isAfter(steps.get(s - 1).clock());
      }
      LocalDate today = step.clock().atZoneSameInstant(YearOfAStreet.ZONE).toLocalDate();
      for (WorkItem item : step.phases().stream().flatMap(List::stream).toList()) {
        Object body = item.body();
        LocalDate dated =
            body instanceof StreetPlan.PublishEvent e
                ? e.heldOn()
                : body instanceof StreetPlan.Lead l
                    ? l.discoveredOn()
                    : body instanceof Requests.FraudCase c
                        ? c.occurredOn()
                        : body instanceof Requests.Inspection i ? i.conductedOn() : null;
        if (dated != null) {
          assertThat(dated).isBetween(LocalDate.of(2027, 1, 1), today);
        }
        String id = idOf(body);
        if (id != null) {
          assertThat(id).matches(ID_RULE);
          assertThat(ids.add(id)).as("unique id %s", id).isTrue();
        }
      }
    }
  }

  @Test
  void publicityEventsAndTheirPhotosAreRecordedWithinTheirEvidenceWindow() {
    YearOfAStreet year = new YearOfAStreet(7, 2027, 1.0, true);
    int events = 0;
    int photos = 0;
    int latestDelay = 0;
    for (MonthOfWork step : year.steps()) {
      LocalDate today = step.clock().atZoneSameInstant(YearOfAStreet.ZONE).toLocalDate();
      Map<String, Integer> recordedIn = new HashMap<>();
      for (int p = 0; p < step.phases().size(); p++) {
        for (WorkItem item : step.phases().get(p)) {
          if (item.body() instanceof StreetPlan.PublishEvent event) {
            // held by the ledger's today, recorded before its window closes at the end of day 7
            assertThat(event.heldOn()).isBeforeOrEqualTo(today);
            int delay = (int) (today.toEpochDay() - event.heldOn().toEpochDay());
            assertThat(delay).as("%s recorded on %s", event.id(), today).isLessThanOrEqualTo(7);
            latestDelay = Math.max(latestDelay, delay);
            recordedIn.put(event.id(), p);
            events++;
          } else if (item.isUpload()) {
            String id = item.path().split("/")[3];
            // after its event, in a later phase of the same step
            assertThat(recordedIn).as("photo of %s", id).containsKey(id);
            assertThat(recordedIn.get(id)).isLessThan(p);
            photos++;
          }
        }
      }
    }
    assertThat(latestDelay).isEqualTo(7);
    assertThat((double) photos / events).isBetween(0.88, 0.97);
  }

  @Test
  void aMonthHasFourStepsAWeekApartEndingOnItsDueDay() {
    YearOfAStreet year = new YearOfAStreet(7, 2027, 1.0, false);
    Map<java.time.YearMonth, List<LocalDate>> days = new java.util.TreeMap<>();
    for (MonthOfWork step : year.steps()) {
      days.computeIfAbsent(step.month(), m -> new ArrayList<>())
          .add(step.clock().atZoneSameInstant(YearOfAStreet.ZONE).toLocalDate());
      assertThat(step.clock().toLocalTime()).isEqualTo(java.time.LocalTime.of(18, 0));
    }
    assertThat(days.get(java.time.YearMonth.of(2027, 2)))
        .containsExactly(
            LocalDate.of(2027, 2, 8),
            LocalDate.of(2027, 2, 15),
            LocalDate.of(2027, 2, 22),
            LocalDate.of(2027, 2, 28));
    assertThat(days.get(java.time.YearMonth.of(2027, 7)))
        .containsExactly(
            LocalDate.of(2027, 7, 8),
            LocalDate.of(2027, 7, 15),
            LocalDate.of(2027, 7, 22),
            LocalDate.of(2027, 7, 30));
    assertThat(days.get(java.time.YearMonth.of(2028, 1))).containsExactly(LocalDate.of(2028, 1, 2));
  }

  @Test
  void aStepCountsTheDeadlinesItsClockMovePassesOnce() {
    YearOfAStreet year = new YearOfAStreet(7, 2027, 1.0, false);
    List<MonthOfWork> steps = new ArrayList<>();
    year.steps().forEach(steps::add);
    int publicity = 0;
    int windowsAfterTheLastStep = 0;
    for (MonthOfWork step : steps) {
      for (WorkItem item : step.phases().stream().flatMap(List::stream).toList()) {
        if (item.body() instanceof StreetPlan.PublishEvent event) {
          publicity++;
          windowsAfterTheLastStep +=
              event.heldOn().plusDays(8).isAfter(LocalDate.of(2028, 1, 2)) ? 1 : 0;
        }
      }
    }
    // the first step follows no deadline; every window but the last days' closes at some step
    assertThat(steps.get(0).deadlineEvents()).isZero();
    int deadlines = steps.stream().mapToInt(MonthOfWork::deadlineEvents).sum();
    assertThat(deadlines).isGreaterThanOrEqualTo(publicity - windowsAfterTheLastStep + 12);
    assertThat(windowsAfterTheLastStep).isPositive();
    // the windows of the month's first week's events close before its second step
    assertThat(steps.get(1).deadlineEvents()).isPositive();
  }

  @Test
  void morePublicityEventsAreFreshHeldInTheLastDaysAndSentByTheirCommunity() throws Exception {
    YearOfAStreet year = new YearOfAStreet(7, 2027, 1.0, false);
    Set<String> yearIds = new HashSet<>();
    year.steps()
        .forEach(
            m ->
                m.phases().stream()
                    .flatMap(List::stream)
                    .forEach(i -> yearIds.add(idOf(i.body()))));
    List<WorkItem> more = year.morePublicityEvents("open", 100);

    assertThat(more).hasSize(100);
    Set<String> ids = new HashSet<>();
    Set<String> units = new HashSet<>();
    for (WorkItem item : more) {
      StreetPlan.PublishEvent event = (StreetPlan.PublishEvent) item.body();
      assertThat(event.id()).matches(ID_RULE).contains("-open-");
      assertThat(ids.add(event.id())).as("unique id %s", event.id()).isTrue();
      assertThat(yearIds).doesNotContain(event.id());
      // the evidence window of an event held on 26 December closes after the last step's clock
      assertThat(event.heldOn()).isBetween(LocalDate.of(2027, 12, 26), LocalDate.of(2027, 12, 31));
      assertThat(event.campaignId()).isEqualTo(year.campaignId());
      assertThat(item.user()).isEqualTo(event.unitId());
      assertThat(item.path()).isEqualTo("/api/publish-events");
      units.add(event.unitId());
    }
    assertThat(units).hasSize(YearOfAStreet.COMMUNITIES);
    assertThat(LedgerClient.json().writeValueAsString(year.morePublicityEvents("open", 100)))
        .isEqualTo(LedgerClient.json().writeValueAsString(more));
  }

  @Test
  void reportsAreMostlyOnTimeSomeLateAFewMissing() {
    YearOfAStreet year = new YearOfAStreet(7, 2027, 1.0, false);
    int onTime = 0;
    int late = 0;
    for (MonthOfWork step : year.steps()) {
      LocalDate today = step.clock().atZoneSameInstant(YearOfAStreet.ZONE).toLocalDate();
      for (WorkItem item : step.phases().stream().flatMap(List::stream).toList()) {
        if (item.body() instanceof MonthlyReport report) {
          if (report.month().equals(step.month().toString())) {
            assertThat(today).isEqualTo(YearOfAStreet.dueDate(step.month()));
            onTime++;
          } else {
            late++;
          }
        }
      }
    }
    int all = 30 * 12;
    assertThat(onTime).isBetween(all * 86 / 100, all * 97 / 100);
    assertThat(late).isBetween(all * 2 / 100, all * 11 / 100);
    assertThat(onTime + late).isBetween(all * 95 / 100, all * 100 / 100 - 1);
  }

  @Test
  void theSizeParameterReachesItsTargetAndStreamsMonthByMonth() {
    for (long target : List.of(20_000L, 200_000L, 1_000_000L)) {
      YearOfAStreet year = YearOfAStreet.sized(3, 2027, target, false);
      long expected = year.expectedEvents();
      assertThat((double) expected)
          .isCloseTo((double) target, org.assertj.core.data.Percentage.withPercentage(5));
      int largestStep = 0;
      for (MonthOfWork step : year.steps()) {
        largestStep = Math.max(largestStep, step.requests());
      }
      assertThat(largestStep).isLessThan((int) (target / 6));
    }
  }

  @Test
  void evidenceIsUploadedOnlyWhenAsked() {
    long without = countUploads(new YearOfAStreet(7, 2027, 1.0, false));
    long with = countUploads(new YearOfAStreet(7, 2027, 1.0, true));
    long publicity = 0;
    for (MonthOfWork step : new YearOfAStreet(7, 2027, 1.0, false).steps()) {
      publicity +=
          step.phases().stream()
              .flatMap(List::stream)
              .filter(i -> i.what().equals("publish-event"))
              .count();
    }
    assertThat(without).isZero();
    assertThat((double) with / publicity).isBetween(0.88, 0.97);
  }

  private static long countUploads(YearOfAStreet year) {
    long uploads = 0;
    for (MonthOfWork step : year.steps()) {
      uploads += step.phases().stream().flatMap(List::stream).filter(WorkItem::isUpload).count();
    }
    return uploads;
  }

  private static String idOf(Object body) {
    if (body instanceof StreetPlan.PublishEvent e) {
      return e.id();
    } else if (body instanceof StreetPlan.Lead l) {
      return l.id();
    } else if (body instanceof Requests.FraudCase c) {
      return c.id();
    } else if (body instanceof Requests.Inspection i) {
      return i.id();
    } else if (body instanceof Requests.Rectification r) {
      return r.id();
    } else if (body instanceof StreetPlan.Penalty p) {
      return p.id();
    } else if (body instanceof StreetPlan.Commendation c) {
      return c.id();
    }
    return null;
  }

  @Test
  void
      thePoliceAcknowledgeMostLeadsInTheStepThatReportsThemAndTheRestAMonthLaterBeforeTheirOutcome() {
    YearOfAStreet year = new YearOfAStreet(7, 2027, 1.0, false);
    Map<String, Integer> reportedInStep = new HashMap<>();
    Map<String, Integer> acknowledgedInStep = new HashMap<>();
    Map<String, Integer> acknowledgedInPhase = new HashMap<>();
    Map<String, Integer> outcomeInPhase = new HashMap<>();
    int index = 0;
    int phases = 0;
    for (MonthOfWork step : year.steps()) {
      for (List<WorkItem> phase : step.phases()) {
        phases++;
        for (WorkItem item : phase) {
          String lead = item.path().replaceAll("^/api/fraud-leads/([^/]+)/.*$", "$1");
          switch (item.what()) {
            case "lead" -> reportedInStep.put(((StreetPlan.Lead) item.body()).id(), index);
            case "lead-acknowledgement" -> {
              acknowledgedInStep.put(lead, index);
              acknowledgedInPhase.put(lead, phases);
            }
            case "lead-outcome" -> outcomeInPhase.put(lead, phases);
            default -> {}
          }
        }
      }
      index++;
    }

    assertThat(acknowledgedInStep.keySet()).isEqualTo(reportedInStep.keySet());
    long inTime =
        reportedInStep.keySet().stream()
            .filter(id -> acknowledgedInStep.get(id).equals(reportedInStep.get(id)))
            .count();
    assertThat((double) inTime / reportedInStep.size()).isBetween(0.85, 0.95);
    assertThat(outcomeInPhase)
        .isNotEmpty()
        .allSatisfy((id, phase) -> assertThat(acknowledgedInPhase.get(id)).isLessThan(phase));
  }
}
