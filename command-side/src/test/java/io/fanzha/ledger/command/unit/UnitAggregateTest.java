package io.fanzha.ledger.command.unit;

import static io.fanzha.ledger.command.recording.KnownFacts.streetOffice;

import io.fanzha.ledger.command.recording.IdAlreadyUsed;
import io.fanzha.ledger.command.recording.KnownFacts;
import io.fanzha.ledger.command.recording.RuleBroken;
import io.fanzha.ledger.command.recording.UnknownReference;
import io.fanzha.ledger.events.UnitKind;
import io.fanzha.ledger.events.UnitRegistered;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class UnitAggregateTest {

  private AggregateTestFixture<Unit> fixture;

  @BeforeEach
  void setUp() {
    fixture = new AggregateTestFixture<>(Unit.class);
    fixture.registerInjectableResource(KnownFacts.references());
  }

  private static RegisterUnit northCommunity(String name) {
    return new RegisterUnit("north", name, UnitKind.COMMUNITY, "street", 12_000);
  }

  @Test
  void registeringAUnitRecordsIt() {
    fixture
        .givenNoPriorActivity()
        .when(northCommunity("北湖社区"), streetOffice())
        .expectSuccessfulHandlerExecution()
        .expectEvents(new UnitRegistered("north", "北湖社区", UnitKind.COMMUNITY, "street", 12_000));
  }

  @Test
  void registeringTheSameUnitAgainRecordsNothing() {
    fixture
        .given(new UnitRegistered("north", "北湖社区", UnitKind.COMMUNITY, "street", 12_000))
        .when(northCommunity("北湖社区"), streetOffice())
        .expectSuccessfulHandlerExecution()
        .expectNoEvents();
  }

  @Test
  void theSameIdWithOtherDataIsRefused() {
    fixture
        .given(new UnitRegistered("north", "北湖社区", UnitKind.COMMUNITY, "street", 12_000))
        .when(northCommunity("北山社区"), streetOffice())
        .expectException(IdAlreadyUsed.class)
        .expectNoEvents();
  }

  @Test
  void anUnknownParentIsRefused() {
    fixture
        .givenNoPriorActivity()
        .when(new RegisterUnit("north", "北湖社区", UnitKind.COMMUNITY, "nowhere", 1), streetOffice())
        .expectException(UnknownReference.class)
        .expectNoEvents();
  }

  @Test
  void aUnitCannotBeItsOwnParent() {
    fixture
        .givenNoPriorActivity()
        .when(new RegisterUnit("north", "北湖社区", UnitKind.COMMUNITY, "north", 1), streetOffice())
        .expectException(RuleBroken.class)
        .expectNoEvents();
  }
}
