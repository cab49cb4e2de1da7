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
import java.util.List;
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
                  + LedgerClient.json().writeValueAsString(item.body()));
        }
      }
    }
    return all;
  }

  @Test
  void isTheBenchsYearAtItsBaseSizeCutAfterTheMonth() throws Exception {
    DemoYear demo = new DemoYear(2027, Month.APRIL);
    List<MonthOfWork> bench = new ArrayList<>();
    for (MonthOfWork month :
        new YearOfAStreet(YearOfAStreet.DEFAULT_SEED, 2027, DemoYear.SCALE, false).months()) {
      bench.add(month);
    }

    assertThat(demo.months())
        .extracting(MonthOfWork::month)
        .containsExactly(
            YearMonth.of(2027, 1),
            YearMonth.of(2027, 2),
            YearMonth.of(2027, 3),
            YearMonth.of(2027, 4));
    assertThat(json(demo.months())).isEqualTo(json(bench.subList(0, 4)));
    assertThat(demo.campaignId()).isEqualTo("y2027-fz");
  }

  @Test
  void aDecemberDemoIsTheWholeYearWithoutTheNextYearsStep() {
    DemoYear demo = new DemoYear(2027, Month.DECEMBER);

    assertThat(demo.months()).hasSize(12);
    assertThat(demo.months().get(11).clock().toLocalDate()).isEqualTo(LocalDate.of(2027, 12, 30));
  }

  @Test
  void followsTodayIntoTheNextYearUpToTodaysMonth() {
    DemoYear demo = DemoYear.after(LocalDate.of(2026, 11, 28));

    assertThat(demo.year()).isEqualTo(2027);
    assertThat(demo.upTo()).isEqualTo(Month.NOVEMBER);
    assertThat(demo.months().get(demo.months().size() - 1).clock().toLocalDate())
        .isEqualTo(LocalDate.of(2027, 11, 30));
  }

  @Test
  void staysAFewThousandEventsWithoutUploads() {
    DemoYear wholeYear = new DemoYear(2027, Month.DECEMBER);

    assertThat(wholeYear.expectedEvents()).isBetween(3_000L, 6_000L);
    assertThat(wholeYear.months())
        .flatMap(m -> m.phases().stream().flatMap(List::stream).toList())
        .noneMatch(WorkItem::isUpload);
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
