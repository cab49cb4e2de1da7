package io.fanzha.ledger.command.commendation;

import static io.fanzha.ledger.command.recording.KnownFacts.streetOffice;

import io.fanzha.ledger.command.recording.IdAlreadyUsed;
import io.fanzha.ledger.command.recording.KnownFacts;
import io.fanzha.ledger.command.recording.RuleBroken;
import io.fanzha.ledger.command.recording.UnknownReference;
import io.fanzha.ledger.events.UnitCommended;
import java.math.BigDecimal;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CommendationAggregateTest {

  private AggregateTestFixture<Commendation> fixture;

  @BeforeEach
  void setUp() {
    fixture = new AggregateTestFixture<>(Commendation.class);
    fixture.registerInjectableResource(KnownFacts.references());
  }

  private static CommendUnit commend(String campaign, String unit, String reason) {
    return new CommendUnit("k1", campaign, unit, new BigDecimal("3"), reason);
  }

  @Test
  void theStreetOfficeCommendsACommunity() {
    fixture
        .givenNoPriorActivity()
        .when(commend("y2026", "west", "宣传有特色"), streetOffice())
        .expectEvents(new UnitCommended("k1", "y2026", "west", new BigDecimal("3"), "宣传有特色"));
  }

  @Test
  void commendingAgainWithTheSameDataRecordsNothing() {
    fixture
        .given(new UnitCommended("k1", "y2026", "west", new BigDecimal("3"), "宣传有特色"))
        .when(commend("y2026", "west", "宣传有特色"), streetOffice())
        .expectNoEvents();
  }

  @Test
  void theSameIdWithAnotherReasonIsRefused() {
    fixture
        .given(new UnitCommended("k1", "y2026", "west", new BigDecimal("3"), "宣传有特色"))
        .when(commend("y2026", "west", "别的"), streetOffice())
        .expectException(IdAlreadyUsed.class);
  }

  @Test
  void anUnknownCampaignIsRefused() {
    fixture
        .givenNoPriorActivity()
        .when(commend("nope", "west", "x"), streetOffice())
        .expectException(UnknownReference.class);
  }

  @Test
  void aUnitOutsideTheCampaignIsRefused() {
    fixture
        .givenNoPriorActivity()
        .when(commend("y2026", "outsider", "x"), streetOffice())
        .expectException(RuleBroken.class);
  }
}
