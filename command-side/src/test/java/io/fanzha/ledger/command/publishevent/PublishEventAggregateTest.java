package io.fanzha.ledger.command.publishevent;

import static io.fanzha.ledger.command.recording.KnownFacts.as;
import static io.fanzha.ledger.command.recording.KnownFacts.eastStaff;

import io.fanzha.ledger.command.recording.ForeignUnit;
import io.fanzha.ledger.command.recording.IdAlreadyUsed;
import io.fanzha.ledger.command.recording.KnownFacts;
import io.fanzha.ledger.command.recording.RuleBroken;
import io.fanzha.ledger.command.recording.UnknownReference;
import io.fanzha.ledger.events.EvidenceKind;
import io.fanzha.ledger.events.EvidenceSubmitted;
import io.fanzha.ledger.events.EvidenceWindowClosed;
import io.fanzha.ledger.events.Location;
import io.fanzha.ledger.events.LocationKind;
import io.fanzha.ledger.events.PublicityFormat;
import io.fanzha.ledger.events.PublishEventHeld;
import io.fanzha.ledger.events.Role;
import io.fanzha.ledger.events.TargetGroup;
import java.time.LocalDate;
import java.util.List;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PublishEventAggregateTest {

  private static final String SHA = "ab".repeat(32);

  private AggregateTestFixture<PublishEvent> fixture;

  @BeforeEach
  void setUp() {
    fixture = new AggregateTestFixture<>(PublishEvent.class);
    fixture.registerInjectableResource(KnownFacts.references());
    fixture.registerInjectableResource(KnownFacts.NOW);
  }

  private static RecordPublishEvent record(
      String unit, String campaign, LocalDate heldOn, int audience) {
    return new RecordPublishEvent(
        "pe1",
        campaign,
        unit,
        heldOn,
        new Location("东湖公园", LocationKind.PARK),
        List.of(PublicityFormat.BANNER, PublicityFormat.LEAFLET),
        List.of(TargetGroup.ELDERLY),
        audience,
        200,
        "防骗宣传进公园",
        List.of());
  }

  private static RecordPublishEvent valid() {
    return record("east", "y2026", LocalDate.of(2026, 6, 10), 80);
  }

  private static PublishEventHeld held() {
    return new PublishEventHeld(
        "pe1",
        "y2026",
        "east",
        LocalDate.of(2026, 6, 10),
        new Location("东湖公园", LocationKind.PARK),
        List.of(PublicityFormat.BANNER, PublicityFormat.LEAFLET),
        List.of(TargetGroup.ELDERLY),
        80,
        200,
        "防骗宣传进公园");
  }

  private static SubmitEvidence photo() {
    return new SubmitEvidence(
        "pe1", EvidenceKind.PHOTO, "photo.jpg", SHA, 1234, "image/jpeg", "evidence/pe1/" + SHA);
  }

  @Test
  void aCommunityRecordsItsPublicityEvent() {
    fixture.givenNoPriorActivity().when(valid(), eastStaff()).expectEvents(held());
  }

  @Test
  void aPartnerUnitRecordsItsOwnActivityWithoutBeingACampaignCommunity() {
    fixture
        .givenNoPriorActivity()
        .when(
            record("bank", "y2026", LocalDate.of(2026, 6, 10), 30),
            as("bank-staff", Role.PARTNER, "bank"))
        .expectSuccessfulHandlerExecution();
  }

  @Test
  void anotherUnitsAccountIsRefused() {
    fixture
        .givenNoPriorActivity()
        .when(valid(), as("west-staff", Role.COMMUNITY, "west"))
        .expectException(ForeignUnit.class)
        .expectNoEvents();
  }

  @Test
  void recordingTheSameEventAgainRecordsNothing() {
    fixture.given(held()).when(valid(), eastStaff()).expectNoEvents();
  }

  @Test
  void theSameIdWithOtherDataIsRefused() {
    fixture
        .given(held())
        .when(record("east", "y2026", LocalDate.of(2026, 6, 10), 81), eastStaff())
        .expectException(IdAlreadyUsed.class);
  }

  @Test
  void anUnknownCampaignIsRefused() {
    fixture
        .givenNoPriorActivity()
        .when(record("east", "y1999", LocalDate.of(2026, 6, 10), 80), eastStaff())
        .expectException(UnknownReference.class);
  }

  @Test
  void aCommunityOutsideTheCampaignIsRefused() {
    fixture
        .givenNoPriorActivity()
        .when(
            record("outsider", "y2026", LocalDate.of(2026, 6, 10), 80),
            as("o-staff", Role.COMMUNITY, "outsider"))
        .expectException(RuleBroken.class);
  }

  @Test
  void anEventInTheFutureIsRefused() {
    fixture
        .givenNoPriorActivity()
        .when(record("east", "y2026", LocalDate.of(2026, 6, 16), 80), eastStaff())
        .expectException(RuleBroken.class);
  }

  @Test
  void anEventBeforeTheCampaignIsRefused() {
    fixture
        .givenNoPriorActivity()
        .when(record("east", "y2026", LocalDate.of(2025, 12, 31), 80), eastStaff())
        .expectException(RuleBroken.class);
  }

  @Test
  void evidenceIsRecordedWithItsHash() {
    fixture
        .given(held())
        .when(photo(), eastStaff())
        .expectEvents(
            new EvidenceSubmitted(
                "ev-" + SHA.substring(0, 32),
                "pe1",
                "y2026",
                "east",
                EvidenceKind.PHOTO,
                "photo.jpg",
                SHA,
                1234,
                "image/jpeg",
                "evidence/pe1/" + SHA))
        .expectResultMessagePayload("ev-" + SHA.substring(0, 32));
  }

  @Test
  void theSameFileTwiceIsOneEvidence() {
    fixture
        .given(
            held(),
            new EvidenceSubmitted(
                "ev-" + SHA.substring(0, 32),
                "pe1",
                "y2026",
                "east",
                EvidenceKind.PHOTO,
                "photo.jpg",
                SHA,
                1234,
                "image/jpeg",
                "evidence/pe1/" + SHA))
        .when(photo(), eastStaff())
        .expectNoEvents()
        .expectResultMessagePayload("ev-" + SHA.substring(0, 32));
  }

  @Test
  void evidenceFromAnotherUnitIsRefused() {
    fixture
        .given(held())
        .when(photo(), as("west-staff", Role.COMMUNITY, "west"))
        .expectException(ForeignUnit.class)
        .expectNoEvents();
  }

  @Test
  void theEvidenceWindowCountsTheEvidenceInByItsEnd() {
    fixture
        .givenCurrentTime(java.time.Instant.parse("2026-06-12T01:00:00Z"))
        .andGiven(
            held(),
            new EvidenceSubmitted(
                "ev-" + SHA.substring(0, 32),
                "pe1",
                "y2026",
                "east",
                EvidenceKind.PHOTO,
                "photo.jpg",
                SHA,
                1234,
                "image/jpeg",
                "evidence/pe1/" + SHA))
        .andGivenCurrentTime(java.time.Instant.parse("2026-06-17T16:00:00Z"))
        .when(new CloseEvidenceWindow("pe1"))
        .expectEvents(
            new EvidenceWindowClosed("pe1", "y2026", "east", LocalDate.of(2026, 6, 10), 1));
  }

  @Test
  void anEventWithoutEvidenceClosesItsWindowWithNone() {
    fixture
        .given(held())
        .when(new CloseEvidenceWindow("pe1"))
        .expectEvents(
            new EvidenceWindowClosed("pe1", "y2026", "east", LocalDate.of(2026, 6, 10), 0));
  }

  @Test
  void theEvidenceWindowClosesOnce() {
    fixture
        .given(
            held(), new EvidenceWindowClosed("pe1", "y2026", "east", LocalDate.of(2026, 6, 10), 0))
        .when(new CloseEvidenceWindow("pe1"))
        .expectNoEvents();
  }

  @Test
  void anEventHeldJointlyNamesItsCooperatingUnits() {
    RecordPublishEvent joint =
        new RecordPublishEvent(
            "pe1",
            "y2026",
            "east",
            LocalDate.of(2026, 6, 10),
            new Location("东湖公园", LocationKind.PARK),
            List.of(PublicityFormat.CONSULTATION_DESK),
            List.of(TargetGroup.ELDERLY),
            80,
            null,
            null,
            List.of("bank"));

    fixture
        .givenNoPriorActivity()
        .when(joint, eastStaff())
        .expectEvents(
            new PublishEventHeld(
                "pe1",
                "y2026",
                "east",
                LocalDate.of(2026, 6, 10),
                new Location("东湖公园", LocationKind.PARK),
                List.of(PublicityFormat.CONSULTATION_DESK),
                List.of(TargetGroup.ELDERLY),
                80,
                null,
                null,
                List.of("bank")));
  }

  @Test
  void anUnknownCooperatingUnitIsRefused() {
    RecordPublishEvent joint =
        new RecordPublishEvent(
            "pe1",
            "y2026",
            "east",
            LocalDate.of(2026, 6, 10),
            new Location("东湖公园", LocationKind.PARK),
            List.of(PublicityFormat.CONSULTATION_DESK),
            List.of(TargetGroup.ELDERLY),
            80,
            null,
            null,
            List.of("ghost"));

    fixture.givenNoPriorActivity().when(joint, eastStaff()).expectException(UnknownReference.class);
  }
}
