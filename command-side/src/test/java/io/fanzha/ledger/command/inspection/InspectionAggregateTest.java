package io.fanzha.ledger.command.inspection;

import static io.fanzha.ledger.command.recording.KnownFacts.streetOffice;

import io.fanzha.ledger.command.recording.IdAlreadyUsed;
import io.fanzha.ledger.command.recording.KnownFacts;
import io.fanzha.ledger.command.recording.RuleBroken;
import io.fanzha.ledger.events.InspectionConducted;
import io.fanzha.ledger.events.InspectionKind;
import io.fanzha.ledger.events.InspectionRating;
import java.time.LocalDate;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class InspectionAggregateTest {

  private AggregateTestFixture<Inspection> fixture;

  @BeforeEach
  void setUp() {
    fixture = new AggregateTestFixture<>(Inspection.class);
    fixture.registerInjectableResource(KnownFacts.references());
    fixture.registerInjectableResource(KnownFacts.NOW);
  }

  static ConductInspection inspect(String unit, LocalDate on, InspectionRating rating) {
    return new ConductInspection(
        "i1", "y2026", unit, InspectionKind.SPOT_CHECK, on, "展板齐全，台账缺三月照片", rating);
  }

  @Test
  void theStreetOfficeRecordsASpotCheck() {
    fixture
        .givenNoPriorActivity()
        .when(inspect("east", LocalDate.of(2026, 6, 10), InspectionRating.PASS), streetOffice())
        .expectEvents(
            new InspectionConducted(
                "i1",
                "y2026",
                "east",
                InspectionKind.SPOT_CHECK,
                LocalDate.of(2026, 6, 10),
                "展板齐全，台账缺三月照片",
                InspectionRating.PASS));
  }

  @Test
  void theSameIdWithAnotherRatingIsAConflict() {
    fixture
        .given(
            new InspectionConducted(
                "i1",
                "y2026",
                "east",
                InspectionKind.SPOT_CHECK,
                LocalDate.of(2026, 6, 10),
                "展板齐全，台账缺三月照片",
                InspectionRating.PASS))
        .when(inspect("east", LocalDate.of(2026, 6, 10), InspectionRating.FAIL), streetOffice())
        .expectException(IdAlreadyUsed.class);
  }

  @Test
  void anInspectionInTheFutureIsRefused() {
    fixture
        .givenNoPriorActivity()
        .when(inspect("east", LocalDate.of(2026, 6, 16), InspectionRating.PASS), streetOffice())
        .expectException(RuleBroken.class);
  }

  @Test
  void aUnitOutsideTheCampaignIsRefused() {
    fixture
        .givenNoPriorActivity()
        .when(inspect("outsider", LocalDate.of(2026, 6, 10), InspectionRating.PASS), streetOffice())
        .expectException(RuleBroken.class);
  }
}
