package io.fanzha.ledger.command.campaign;

import static io.fanzha.ledger.command.recording.KnownFacts.streetOffice;

import io.fanzha.ledger.command.recording.IdAlreadyUsed;
import io.fanzha.ledger.command.recording.KnownFacts;
import io.fanzha.ledger.command.recording.RuleBroken;
import io.fanzha.ledger.command.recording.UnknownReference;
import io.fanzha.ledger.events.CampaignLaunched;
import io.fanzha.ledger.events.CampaignMonthClosed;
import io.fanzha.ledger.events.CampaignTaskDefined;
import io.fanzha.ledger.events.Phase;
import io.fanzha.ledger.events.Rulebook;
import io.fanzha.ledger.events.ScoringRulesAdopted;
import io.fanzha.ledger.events.TaskRecurrence;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CampaignAggregateTest {

  private AggregateTestFixture<Campaign> fixture;

  @BeforeEach
  void setUp() {
    fixture = new AggregateTestFixture<>(Campaign.class);
    fixture.registerInjectableResource(KnownFacts.references());
  }

  private static LaunchCampaign launch(
      String jurisdiction, List<String> communities, LocalDate end, List<Phase> phases) {
    return new LaunchCampaign(
        "y2027",
        "2027年防范电信诈骗宣传",
        jurisdiction,
        LocalDate.of(2027, 1, 1),
        end,
        30,
        LocalDate.of(2027, 12, 30),
        communities,
        phases,
        null);
  }

  private static LaunchCampaign valid() {
    return launch("street", List.of("east", "west"), LocalDate.of(2027, 12, 31), List.of());
  }

  private static CampaignLaunched launched() {
    return new CampaignLaunched(
        "y2027",
        "2027年防范电信诈骗宣传",
        "street",
        LocalDate.of(2027, 1, 1),
        LocalDate.of(2027, 12, 31),
        30,
        LocalDate.of(2027, 12, 30),
        List.of("east", "west"),
        List.of(),
        Rulebook.defaultRules());
  }

  @Test
  void launchingACampaignRecordsItWithTheDefaultRulebook() {
    fixture.givenNoPriorActivity().when(valid(), streetOffice()).expectEvents(launched());
  }

  @Test
  void launchingTheSameCampaignAgainRecordsNothing() {
    fixture.given(launched()).when(valid(), streetOffice()).expectNoEvents();
  }

  @Test
  void theSameIdWithOtherCommunitiesIsRefused() {
    fixture
        .given(launched())
        .when(
            launch("street", List.of("east"), LocalDate.of(2027, 12, 31), List.of()),
            streetOffice())
        .expectException(IdAlreadyUsed.class);
  }

  @Test
  void anUnknownJurisdictionIsRefused() {
    fixture
        .givenNoPriorActivity()
        .when(
            launch("atlantis", List.of("east"), LocalDate.of(2027, 12, 31), List.of()),
            streetOffice())
        .expectException(UnknownReference.class)
        .expectNoEvents();
  }

  @Test
  void anUnknownCommunityIsRefused() {
    fixture
        .givenNoPriorActivity()
        .when(
            launch("street", List.of("east", "ghost"), LocalDate.of(2027, 12, 31), List.of()),
            streetOffice())
        .expectException(UnknownReference.class);
  }

  @Test
  void aBankIsNotACommunity() {
    fixture
        .givenNoPriorActivity()
        .when(
            launch("street", List.of("east", "bank"), LocalDate.of(2027, 12, 31), List.of()),
            streetOffice())
        .expectException(RuleBroken.class);
  }

  @Test
  void aCommunityListedTwiceIsRefused() {
    fixture
        .givenNoPriorActivity()
        .when(
            launch("street", List.of("east", "east"), LocalDate.of(2027, 12, 31), List.of()),
            streetOffice())
        .expectException(RuleBroken.class);
  }

  @Test
  void aCampaignCannotEndBeforeItStarts() {
    fixture
        .givenNoPriorActivity()
        .when(
            launch("street", List.of("east"), LocalDate.of(2026, 12, 31), List.of()),
            streetOffice())
        .expectException(RuleBroken.class);
  }

  @Test
  void aPhaseOutsideTheCampaignIsRefused() {
    fixture
        .givenNoPriorActivity()
        .when(
            launch(
                "street",
                List.of("east"),
                LocalDate.of(2027, 12, 31),
                List.of(new Phase("检查总结", LocalDate.of(2027, 12, 1), LocalDate.of(2028, 1, 15)))),
            streetOffice())
        .expectException(RuleBroken.class);
  }

  @Test
  void aMonthClosesOnce() {
    fixture
        .given(launched())
        .when(new CloseCampaignMonth("y2027", YearMonth.of(2027, 1)))
        .expectEvents(new CampaignMonthClosed("y2027", YearMonth.of(2027, 1)));
    fixture
        .given(launched(), new CampaignMonthClosed("y2027", YearMonth.of(2027, 1)))
        .when(new CloseCampaignMonth("y2027", YearMonth.of(2027, 1)))
        .expectNoEvents();
  }

  @Test
  void aTaskNamesItsResponsibleAndCooperatingUnits() {
    DefineCampaignTask task =
        new DefineCampaignTask(
            "y2027",
            "t1",
            "每月至少组织1场宣传活动",
            List.of("east", "west"),
            List.of("bank"),
            TaskRecurrence.MONTHLY,
            true);
    fixture
        .given(launched())
        .when(task, streetOffice())
        .expectEvents(
            new CampaignTaskDefined(
                "y2027",
                "t1",
                "每月至少组织1场宣传活动",
                List.of("east", "west"),
                List.of("bank"),
                TaskRecurrence.MONTHLY,
                true));
  }

  @Test
  void aTaskForAnUnknownUnitIsRefused() {
    fixture
        .given(launched())
        .when(
            new DefineCampaignTask(
                "y2027", "t1", "x", List.of("ghost"), List.of(), TaskRecurrence.ONCE, false),
            streetOffice())
        .expectException(UnknownReference.class);
  }

  @Test
  void newRulesTakeEffectFromAGivenDateWithinTheCampaign() {
    Rulebook stricter = Rulebook.defaultRules();
    fixture
        .given(launched())
        .when(new AdoptScoringRules("y2027", stricter, LocalDate.of(2027, 7, 1)), streetOffice())
        .expectEvents(new ScoringRulesAdopted("y2027", stricter, LocalDate.of(2027, 7, 1)));
    fixture
        .given(launched())
        .when(new AdoptScoringRules("y2027", stricter, LocalDate.of(2028, 1, 1)), streetOffice())
        .expectException(RuleBroken.class);
  }
}
