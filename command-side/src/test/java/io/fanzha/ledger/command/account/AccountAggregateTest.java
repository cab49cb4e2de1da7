package io.fanzha.ledger.command.account;

import static io.fanzha.ledger.command.recording.KnownFacts.streetOffice;

import io.fanzha.ledger.command.recording.IdAlreadyUsed;
import io.fanzha.ledger.command.recording.KnownFacts;
import io.fanzha.ledger.command.recording.RuleBroken;
import io.fanzha.ledger.command.recording.UnknownReference;
import io.fanzha.ledger.events.AccountOpened;
import io.fanzha.ledger.events.Role;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AccountAggregateTest {

  private AggregateTestFixture<Account> fixture;

  @BeforeEach
  void setUp() {
    fixture = new AggregateTestFixture<>(Account.class);
    fixture.registerInjectableResource(KnownFacts.references());
  }

  @Test
  void aCommunityAccountBelongsToItsCommunity() {
    fixture
        .givenNoPriorActivity()
        .when(new OpenAccount("east-staff", Role.COMMUNITY, "east"), streetOffice())
        .expectEvents(new AccountOpened("east-staff", Role.COMMUNITY, "east"));
  }

  @Test
  void aPartnerAccountBelongsToAPartnerUnit() {
    fixture
        .givenNoPriorActivity()
        .when(new OpenAccount("bank-staff", Role.PARTNER, "bank"), streetOffice())
        .expectEvents(new AccountOpened("bank-staff", Role.PARTNER, "bank"));
  }

  @Test
  void openingTheSameAccountAgainRecordsNothing() {
    fixture
        .given(new AccountOpened("east-staff", Role.COMMUNITY, "east"))
        .when(new OpenAccount("east-staff", Role.COMMUNITY, "east"), streetOffice())
        .expectNoEvents();
  }

  @Test
  void theSameNameForAnotherUnitIsRefused() {
    fixture
        .given(new AccountOpened("east-staff", Role.COMMUNITY, "east"))
        .when(new OpenAccount("east-staff", Role.COMMUNITY, "west"), streetOffice())
        .expectException(IdAlreadyUsed.class);
  }

  @Test
  void aCommunityAccountNeedsAUnit() {
    fixture
        .givenNoPriorActivity()
        .when(new OpenAccount("x", Role.COMMUNITY, null), streetOffice())
        .expectException(RuleBroken.class);
  }

  @Test
  void aCommunityAccountCannotBelongToABank() {
    fixture
        .givenNoPriorActivity()
        .when(new OpenAccount("x", Role.COMMUNITY, "bank"), streetOffice())
        .expectException(RuleBroken.class);
  }

  @Test
  void aPartnerAccountCannotBelongToACommunity() {
    fixture
        .givenNoPriorActivity()
        .when(new OpenAccount("x", Role.PARTNER, "east"), streetOffice())
        .expectException(RuleBroken.class);
  }

  @Test
  void anUnknownUnitIsRefused() {
    fixture
        .givenNoPriorActivity()
        .when(new OpenAccount("x", Role.PARTNER, "ghost"), streetOffice())
        .expectException(UnknownReference.class);
  }
}
