package io.fanzha.ledger.harness.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.fanzha.ledger.harness.client.LedgerClient;
import io.fanzha.ledger.harness.demo.StreetPlan.PublishEvent;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class StreetPlanGeneratorTest {

  private static final String ID_RULE = "[A-Za-z0-9_-]{1,64}";
  private final LocalDate today = LocalDate.of(2026, 11, 28);

  @Test
  void theSameSeedGivesTheSamePlan() {
    // When two generators of one seed plan the same days
    StreetPlan a = new StreetPlanGenerator(42).generate(today.minusDays(29), today);
    StreetPlan b = new StreetPlanGenerator(42).generate(today.minusDays(29), today);

    // Then the plans and the bytes of their photos are equal
    assertThat(a).isEqualTo(b);
    assertThat(a.publishEvents().get(0).evidence())
        .isNotEmpty()
        .isEqualTo(b.publishEvents().get(0).evidence());
  }

  @Test
  void thirtyDaysHoldTwoEventsPerCommunityTwoLeadsAPenaltyAndACommendation() {
    // When the demo street is planned for thirty days
    StreetPlan plan = new DemoStreet().plan(today);

    // Then it has its units, campaign and accounts
    assertThat(plan.units())
        .extracting(StreetPlan.Unit::kind)
        .containsExactly(
            "STREET_OFFICE",
            "COMMUNITY",
            "COMMUNITY",
            "COMMUNITY",
            "COMMUNITY",
            "POLICE_STATION",
            "BANK_BRANCH");
    assertThat(plan.units())
        .filteredOn(u -> u.kind().equals("COMMUNITY"))
        .allSatisfy(
            u -> {
              assertThat(u.population()).isBetween(8_000, 15_000);
              assertThat(u.name()).endsWith("社区");
            });
    assertThat(plan.campaign().id()).isEqualTo("demo-campaign-2026");
    assertThat(plan.campaign().yearEndReportDue()).isEqualTo(LocalDate.of(2026, 12, 30));
    assertThat(plan.campaign().monthlyReportDueDay()).isEqualTo(30);
    assertThat(plan.campaign().phases())
        .extracting(StreetPlan.Phase::name)
        .containsExactly("动员部署", "集中宣传", "检查总结");
    assertThat(plan.accounts())
        .hasSize(5)
        .allSatisfy(
            a -> {
              assertThat(a.password()).isEqualTo(a.username()).hasSizeGreaterThanOrEqualTo(6);
              assertThat(plan.unit(a.unitId())).isPresent();
            });

    // and its activity
    Map<String, Long> perCommunity =
        plan.publishEvents().stream()
            .collect(Collectors.groupingBy(PublishEvent::unitId, Collectors.counting()));
    assertThat(perCommunity).hasSize(4).allSatisfy((unit, count) -> assertThat(count).isEqualTo(2));
    assertThat(plan.publishEvents())
        .allSatisfy(e -> assertThat(e.heldOn().getMonth()).isEqualTo(today.getMonth()));
    assertThat(plan.leads()).hasSize(2);
    assertThat(plan.leads()).allSatisfy(l -> assertThat(l.suspect().phones()).isNotEmpty());
    assertThat(plan.penalties()).hasSize(1);
    assertThat(plan.commendations()).hasSize(1);
    assertThat(plan.evidenceCount()).isBetween(3, 8);
    assertThat(plan.publishEvents().stream().map(e -> e.location().kind()).distinct().count())
        .isGreaterThan(2);
  }

  @Test
  void everyCommunityHoldsTwoEventsEachMonthAndOneToThreeInAnyThirtyDays() {
    StreetPlanGenerator generator = new StreetPlanGenerator();
    for (LocalDate last = LocalDate.of(2026, 2, 1);
        last.getYear() == 2026;
        last = last.plusDays(1)) {
      Map<String, Long> perCommunity =
          generator.generate(last.minusDays(29), last).publishEvents().stream()
              .collect(Collectors.groupingBy(PublishEvent::unitId, Collectors.counting()));
      LocalDate day = last;
      assertThat(perCommunity)
          .as("30 days up to %s", day)
          .hasSize(4)
          .allSatisfy((unit, count) -> assertThat(count).isBetween(1L, 3L));
    }
  }

  @Test
  void nothingLiesAfterTheLastDayOrBeforeTheCampaignYear() {
    LocalDate earlyJanuary = LocalDate.of(2027, 1, 5);
    StreetPlan plan = new DemoStreet().plan(earlyJanuary);

    assertThat(plan.campaign().startDate()).isEqualTo(LocalDate.of(2027, 1, 1));
    Stream.concat(
            plan.publishEvents().stream().map(PublishEvent::heldOn),
            plan.leads().stream().map(StreetPlan.Lead::discoveredOn))
        .forEach(day -> assertThat(day).isBetween(LocalDate.of(2027, 1, 1), earlyJanuary));
  }

  @Test
  void plansOfOverlappingDaysAgreeOnEveryIdTheyShare() {
    // Given the plans of today and of ten days later
    StreetPlan now = new DemoStreet().plan(today);
    StreetPlan later = new DemoStreet().plan(today.plusDays(10));

    // Then every item they share has one body, so loading both records each once
    Map<String, JsonNode> bodies = new HashMap<>();
    int shared = 0;
    for (StreetPlan plan : List.of(now, later)) {
      for (Object item : items(plan)) {
        JsonNode body = LedgerClient.json().valueToTree(item);
        JsonNode earlier =
            bodies.putIfAbsent(body.path("id").asText(body.path("username").asText()), body);
        if (earlier != null) {
          shared++;
          assertThat(body).isEqualTo(earlier);
        }
      }
    }
    assertThat(shared).isGreaterThan(10);
  }

  @Test
  void everyIdFollowsTheIdRuleAndIsUnique() {
    StreetPlan plan =
        new StreetPlanGenerator().generate(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31));

    List<String> ids =
        items(plan).stream()
            .map(item -> LedgerClient.json().valueToTree(item))
            .map(
                body ->
                    ((JsonNode) body)
                        .path("id")
                        .asText(((JsonNode) body).path("username").asText()))
            .toList();
    assertThat(ids).allMatch(id -> id.matches(ID_RULE)).doesNotHaveDuplicates();
    assertThat(plan.publishEvents()).hasSize(4 * 24);
  }

  @Test
  void aPublishEventIsSentWithoutItsEvidenceAndWithDatesAsText() {
    PublishEvent event = new DemoStreet().plan(today).publishEvents().get(0);

    JsonNode body = LedgerClient.json().valueToTree(event);

    assertThat(body.has("evidence")).isFalse();
    assertThat(body.path("heldOn").asText()).matches("\\d{4}-\\d{2}-\\d{2}");
    assertThat(body.path("location").path("kind").asText()).isNotBlank();
  }

  private static List<Object> items(StreetPlan plan) {
    return Stream.of(
            plan.units().stream(),
            Stream.of(plan.campaign()),
            plan.accounts().stream(),
            plan.publishEvents().stream(),
            plan.leads().stream(),
            plan.penalties().stream(),
            plan.commendations().stream())
        .flatMap(s -> s.map(Object.class::cast))
        .toList();
  }
}
