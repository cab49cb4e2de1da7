package io.fanzha.ledger.command.fraudcase;

import static io.fanzha.ledger.command.recording.KnownFacts.as;

import io.fanzha.ledger.command.recording.IdAlreadyUsed;
import io.fanzha.ledger.command.recording.KnownFacts;
import io.fanzha.ledger.command.recording.RuleBroken;
import io.fanzha.ledger.command.recording.UnknownReference;
import io.fanzha.ledger.events.FraudCaseRecorded;
import io.fanzha.ledger.events.FraudCategory;
import io.fanzha.ledger.events.Role;
import io.fanzha.ledger.events.TargetGroup;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class FraudCaseAggregateTest {

  private static final Map<String, Object> POLICE = as("police", Role.POLICE, null);

  private AggregateTestFixture<FraudCase> fixture;

  @BeforeEach
  void setUp() {
    fixture = new AggregateTestFixture<>(FraudCase.class);
    fixture.registerInjectableResource(KnownFacts.references());
    fixture.registerInjectableResource(KnownFacts.NOW);
  }

  static RecordFraudCase record(String community, LocalDate on, String loss) {
    return new RecordFraudCase(
        "case1",
        community,
        on,
        FraudCategory.FAKE_INVESTMENT,
        new BigDecimal(loss),
        TargetGroup.ELDERLY);
  }

  static FraudCaseRecorded recorded() {
    return new FraudCaseRecorded(
        "case1",
        "east",
        LocalDate.of(2026, 5, 2),
        FraudCategory.FAKE_INVESTMENT,
        new BigDecimal("52000.00"),
        TargetGroup.ELDERLY);
  }

  @Test
  void thePoliceRecordACaseInACommunity() {
    fixture
        .givenNoPriorActivity()
        .when(record("east", LocalDate.of(2026, 5, 2), "52000.00"), POLICE)
        .expectEvents(recorded());
  }

  @Test
  void recordingAgainRecordsNothingAndOtherDataIsAConflict() {
    fixture
        .given(recorded())
        .when(record("east", LocalDate.of(2026, 5, 2), "52000.00"), POLICE)
        .expectNoEvents();
    fixture
        .given(recorded())
        .when(record("east", LocalDate.of(2026, 5, 2), "1.00"), POLICE)
        .expectException(IdAlreadyUsed.class);
  }

  @Test
  void aCaseBelongsToACommunityNotABank() {
    fixture
        .givenNoPriorActivity()
        .when(record("bank", LocalDate.of(2026, 5, 2), "1"), POLICE)
        .expectException(RuleBroken.class);
  }

  @Test
  void anUnknownCommunityIsRefused() {
    fixture
        .givenNoPriorActivity()
        .when(record("ghost", LocalDate.of(2026, 5, 2), "1"), POLICE)
        .expectException(UnknownReference.class);
  }

  @Test
  void aCaseInTheFutureIsRefused() {
    fixture
        .givenNoPriorActivity()
        .when(record("east", LocalDate.of(2026, 6, 16), "1"), POLICE)
        .expectException(RuleBroken.class);
  }
}
