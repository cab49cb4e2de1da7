package io.fanzha.ledger.command.rectification;

import static io.fanzha.ledger.command.recording.KnownFacts.as;
import static io.fanzha.ledger.command.recording.KnownFacts.eastStaff;
import static io.fanzha.ledger.command.recording.KnownFacts.streetOffice;

import io.fanzha.ledger.command.recording.ForeignUnit;
import io.fanzha.ledger.command.recording.IdAlreadyUsed;
import io.fanzha.ledger.command.recording.KnownFacts;
import io.fanzha.ledger.command.recording.RuleBroken;
import io.fanzha.ledger.command.recording.UnknownReference;
import io.fanzha.ledger.events.RectificationCompleted;
import io.fanzha.ledger.events.RectificationOrdered;
import io.fanzha.ledger.events.RectificationOverdue;
import io.fanzha.ledger.events.Role;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RectificationAggregateTest {

  static final LocalDate DUE = LocalDate.of(2026, 6, 30);

  private AggregateTestFixture<Rectification> fixture;

  @BeforeEach
  void setUp() {
    fixture = new AggregateTestFixture<>(Rectification.class);
    fixture.registerInjectableResource(KnownFacts.references());
    fixture.registerInjectableResource(KnownFacts.NOW);
  }

  static Instant shanghai(String localDateTime) {
    return OffsetDateTime.parse(localDateTime + "+08:00").toInstant();
  }

  static OrderRectification order(String inspection, LocalDate due) {
    return new OrderRectification("r1", "y2026", "east", inspection, "补齐三月佐证材料", due);
  }

  static RectificationOrdered ordered() {
    return new RectificationOrdered("r1", "y2026", "east", null, "补齐三月佐证材料", DUE);
  }

  @Test
  void theStreetOfficeOrdersARectification() {
    fixture.givenNoPriorActivity().when(order(null, DUE), streetOffice()).expectEvents(ordered());
  }

  @Test
  void orderingAgainRecordsNothingAndOtherwiseIsAConflict() {
    fixture.given(ordered()).when(order(null, DUE), streetOffice()).expectNoEvents();
    fixture
        .given(ordered())
        .when(order(null, DUE.plusDays(1)), streetOffice())
        .expectException(IdAlreadyUsed.class);
  }

  @Test
  void anUnknownInspectionIsRefused() {
    fixture
        .givenNoPriorActivity()
        .when(order("no-such-inspection", DUE), streetOffice())
        .expectException(UnknownReference.class);
  }

  @Test
  void aDueDateInThePastIsRefused() {
    fixture
        .givenNoPriorActivity()
        .when(order(null, LocalDate.of(2026, 6, 1)), streetOffice())
        .expectException(RuleBroken.class);
  }

  @Test
  void theUnitCompletesIt() {
    fixture
        .given(ordered())
        .when(new CompleteRectification("r1", "已补齐"), eastStaff())
        .expectEvents(new RectificationCompleted("r1", "y2026", "east", "已补齐"));
  }

  @Test
  void anotherUnitCannotCompleteIt() {
    fixture
        .given(ordered())
        .when(new CompleteRectification("r1", "x"), as("w", Role.COMMUNITY, "west"))
        .expectException(ForeignUnit.class);
  }

  @Test
  void notDoneByTheEndOfTheDueDayItIsOverdue() {
    fixture
        .given(ordered())
        .when(new MarkRectificationOverdue("r1"))
        .expectEvents(new RectificationOverdue("r1", "y2026", "east", DUE));
  }

  @Test
  void doneInTimeItIsNeverOverdue() {
    fixture
        .givenCurrentTime(shanghai("2026-06-30T23:59:00"))
        .andGiven(ordered(), new RectificationCompleted("r1", "y2026", "east", "已补齐"))
        .when(new MarkRectificationOverdue("r1"))
        .expectNoEvents();
  }

  @Test
  void doneAfterTheDueDayItWasStillOverdue() {
    fixture
        .givenCurrentTime(shanghai("2026-07-01T00:00:00"))
        .andGiven(ordered(), new RectificationCompleted("r1", "y2026", "east", "已补齐"))
        .when(new MarkRectificationOverdue("r1"))
        .expectEvents(new RectificationOverdue("r1", "y2026", "east", DUE));
  }
}
