package io.fanzha.ledger.command.penalty;

import static io.fanzha.ledger.command.recording.KnownFacts.streetOffice;

import io.fanzha.ledger.command.recording.AlreadyDone;
import io.fanzha.ledger.command.recording.IdAlreadyUsed;
import io.fanzha.ledger.command.recording.KnownFacts;
import io.fanzha.ledger.command.recording.RuleBroken;
import io.fanzha.ledger.command.recording.UnknownReference;
import io.fanzha.ledger.events.PenaltyReason;
import io.fanzha.ledger.events.PenaltyRevoked;
import io.fanzha.ledger.events.UnitPenalized;
import java.math.BigDecimal;
import java.util.List;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PenaltyAggregateTest {

  private AggregateTestFixture<Penalty> fixture;

  @BeforeEach
  void setUp() {
    fixture = new AggregateTestFixture<>(Penalty.class);
    fixture.registerInjectableResource(KnownFacts.references());
  }

  private static PenalizeUnit penalize(String campaign, String unit, String points) {
    return new PenalizeUnit(
        "p1",
        campaign,
        unit,
        new BigDecimal(points),
        PenaltyReason.LATE_MATERIALS,
        "材料迟报",
        List.of());
  }

  private static UnitPenalized penalized() {
    return new UnitPenalized(
        "p1",
        "y2026",
        "east",
        new BigDecimal("2"),
        PenaltyReason.LATE_MATERIALS,
        "材料迟报",
        List.of());
  }

  @Test
  void theStreetOfficePenalisesACommunity() {
    fixture
        .givenNoPriorActivity()
        .when(penalize("y2026", "east", "2"), streetOffice())
        .expectEvents(penalized());
  }

  @Test
  void penalisingAgainWithTheSameDataRecordsNothing() {
    fixture
        .given(penalized())
        .when(penalize("y2026", "east", "2"), streetOffice())
        .expectNoEvents();
  }

  @Test
  void theSameIdWithOtherPointsIsRefused() {
    fixture
        .given(penalized())
        .when(penalize("y2026", "east", "3"), streetOffice())
        .expectException(IdAlreadyUsed.class);
  }

  @Test
  void anUnknownCampaignIsRefused() {
    fixture
        .givenNoPriorActivity()
        .when(penalize("y1999", "east", "2"), streetOffice())
        .expectException(UnknownReference.class);
  }

  @Test
  void aUnitOutsideTheCampaignIsRefused() {
    fixture
        .givenNoPriorActivity()
        .when(penalize("y2026", "outsider", "2"), streetOffice())
        .expectException(RuleBroken.class);
  }

  @Test
  void anUnknownUnitIsRefused() {
    fixture
        .givenNoPriorActivity()
        .when(penalize("y2026", "ghost", "2"), streetOffice())
        .expectException(UnknownReference.class);
  }

  @Test
  void aPenaltyIsRevoked() {
    fixture
        .given(penalized())
        .when(new RevokePenalty("p1", "复核后撤销"), streetOffice())
        .expectEvents(new PenaltyRevoked("p1", "y2026", "east", "复核后撤销"));
  }

  @Test
  void revokingAgainForTheSameReasonRecordsNothing() {
    fixture
        .given(penalized(), new PenaltyRevoked("p1", "y2026", "east", "复核后撤销"))
        .when(new RevokePenalty("p1", "复核后撤销"), streetOffice())
        .expectNoEvents();
  }

  @Test
  void revokingAgainForAnotherReasonIsRefused() {
    fixture
        .given(penalized(), new PenaltyRevoked("p1", "y2026", "east", "复核后撤销"))
        .when(new RevokePenalty("p1", "另一个理由"), streetOffice())
        .expectException(AlreadyDone.class);
  }
}
