package io.fanzha.ledger.harness.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.fanzha.ledger.harness.client.LedgerClient;
import io.fanzha.ledger.harness.workload.MonthOfWork;
import io.fanzha.ledger.harness.workload.WorkItem;
import io.fanzha.ledger.harness.workload.YearOfAStreet;
import java.time.LocalDate;
import java.time.Month;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DemoYearTest {

  private static List<String> json(List<MonthOfWork> months) throws Exception {
    List<String> all = new ArrayList<>();
    for (MonthOfWork month : months) {
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
  void isTheBenchsYearWithEvidenceAtItsBaseSizeCutAfterTheMonth() throws Exception {
    DemoYear demo = new DemoYear(2027, Month.APRIL);
    List<MonthOfWork> bench = new ArrayList<>();
    for (MonthOfWork step :
        new YearOfAStreet(YearOfAStreet.DEFAULT_SEED, 2027, DemoYear.SCALE, true).steps()) {
      bench.add(step);
    }

    assertThat(demo.steps())
        .extracting(MonthOfWork::month)
        .containsExactly(
            YearMonth.of(2027, 1),
            YearMonth.of(2027, 1),
            YearMonth.of(2027, 1),
            YearMonth.of(2027, 1),
            YearMonth.of(2027, 2),
            YearMonth.of(2027, 2),
            YearMonth.of(2027, 2),
            YearMonth.of(2027, 2),
            YearMonth.of(2027, 3),
            YearMonth.of(2027, 3),
            YearMonth.of(2027, 3),
            YearMonth.of(2027, 3),
            YearMonth.of(2027, 4),
            YearMonth.of(2027, 4),
            YearMonth.of(2027, 4),
            YearMonth.of(2027, 4));
    assertThat(json(demo.steps())).isEqualTo(json(bench.subList(0, 16)));
    assertThat(demo.campaignId()).isEqualTo("y2027-fz");
  }

  @Test
  void aDecemberDemoIsTheWholeYearWithoutTheNextYearsStep() {
    DemoYear demo = new DemoYear(2027, Month.DECEMBER);

    assertThat(demo.steps()).hasSize(48);
    assertThat(demo.steps().get(47).clock().toLocalDate()).isEqualTo(LocalDate.of(2027, 12, 30));
  }

  @Test
  void followsTodayIntoTheNextYearUpToTodaysMonth() {
    DemoYear demo = DemoYear.after(LocalDate.of(2026, 11, 28));

    assertThat(demo.year()).isEqualTo(2027);
    assertThat(demo.upTo()).isEqualTo(Month.NOVEMBER);
    assertThat(demo.steps().get(demo.steps().size() - 1).clock().toLocalDate())
        .isEqualTo(LocalDate.of(2027, 11, 30));
  }

  @Test
  void staysAFewThousandEventsWithMostPublicityEventsPhotographedInTime() {
    DemoYear wholeYear = new DemoYear(2027, Month.DECEMBER);
    Map<String, LocalDate> recordedOn = new HashMap<>();
    int events = 0;
    int photosInTime = 0;
    for (MonthOfWork step : wholeYear.steps()) {
      LocalDate today = step.clock().toLocalDate();
      for (WorkItem item : step.phases().stream().flatMap(List::stream).toList()) {
        if (item.body() instanceof StreetPlan.PublishEvent event) {
          recordedOn.put(event.id(), event.heldOn());
          events++;
        } else if (item.isUpload()) {
          LocalDate heldOn = recordedOn.get(DemoYear.publishEventOf(item));
          assertThat(heldOn).as("%s after its event", item.path()).isNotNull();
          photosInTime += today.isAfter(heldOn.plusDays(7)) ? 0 : 1;
        }
      }
    }

    assertThat(wholeYear.expectedEvents()).isBetween(4_000L, 8_000L);
    assertThat((double) photosInTime / events).isBetween(0.88, 0.97);
  }

  @Test
  void aPhotoNamesThePublicityEventItIsUploadedTo() {
    assertThat(
            DemoYear.publishEventOf(
                WorkItem.upload(
                    "y2027-c01", "y2027-c01-pe-202703-2", new EvidencePhoto(1, "png", 8, 8))))
        .isEqualTo("y2027-c01-pe-202703-2");
  }

  @Test
  void opensAnAccountForEveryCommunityAndPartnerAndNamesTheirUnits() {
    DemoYear demo = new DemoYear(2027, Month.MARCH);

    assertThat(demo.units()).hasSize(1 + 30 + 18 + 1);
    assertThat(demo.units().get(0).kind()).isEqualTo("STREET_OFFICE");
    assertThat(demo.accounts()).hasSize(48);
    assertThat(demo.accounts())
        .allSatisfy(a -> assertThat(demo.units()).anyMatch(u -> u.id().equals(a.unitId())));
  }
}
