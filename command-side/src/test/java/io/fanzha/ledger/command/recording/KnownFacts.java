package io.fanzha.ledger.command.recording;

import io.fanzha.ledger.events.CampaignLaunched;
import io.fanzha.ledger.events.Phase;
import io.fanzha.ledger.events.Role;
import io.fanzha.ledger.events.Rulebook;
import io.fanzha.ledger.events.UnitKind;
import io.fanzha.ledger.events.UnitRegistered;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.springframework.beans.factory.support.StaticListableBeanFactory;

/**
 * A small street recorded in an in-memory event store, for aggregate tests: the {@link References}
 * they are given reads it exactly as it reads the real store.
 */
public final class KnownFacts {

  public static final Clock NOW =
      Clock.fixed(Instant.parse("2026-06-15T02:00:00Z"), ZoneOffset.UTC);

  /** The fixture's own time, which it also puts on the events it records. */
  public static final Clock FIXTURE_TIME =
      new Clock() {
        @Override
        public ZoneOffset getZone() {
          return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
          return this;
        }

        @Override
        public Instant instant() {
          return GenericEventMessage.clock.instant();
        }
      };

  public static final UnitRegistered STREET =
      new UnitRegistered("street", "东湖街道", UnitKind.STREET_OFFICE, null, null);
  public static final UnitRegistered EAST =
      new UnitRegistered("east", "东湖社区", UnitKind.COMMUNITY, "street", 10_000);
  public static final UnitRegistered WEST =
      new UnitRegistered("west", "西湖社区", UnitKind.COMMUNITY, "street", 8_000);
  public static final UnitRegistered OUTSIDER =
      new UnitRegistered("outsider", "南山社区", UnitKind.COMMUNITY, "street", 9_000);
  public static final UnitRegistered BANK =
      new UnitRegistered("bank", "农合行东湖支行", UnitKind.BANK_BRANCH, "street", null);
  public static final CampaignLaunched CAMPAIGN =
      new CampaignLaunched(
          "y2026",
          "2026年防范电信诈骗宣传",
          "street",
          LocalDate.of(2026, 1, 1),
          LocalDate.of(2026, 12, 31),
          30,
          LocalDate.of(2026, 12, 30),
          List.of("east", "west"),
          List.of(new Phase("集中宣传", LocalDate.of(2026, 3, 1), LocalDate.of(2026, 10, 31))),
          Rulebook.defaultRules());

  private KnownFacts() {}

  public static References references() {
    EmbeddedEventStore store =
        EmbeddedEventStore.builder().storageEngine(new InMemoryEventStorageEngine()).build();
    for (UnitRegistered unit : List.of(STREET, EAST, WEST, OUTSIDER, BANK)) {
      store.publish(first("Unit", StreamIds.unit(unit.unitId()), unit));
    }
    store.publish(first("Campaign", StreamIds.campaign(CAMPAIGN.campaignId()), CAMPAIGN));
    return new References(store, new StaticListableBeanFactory().getBeanProvider(EventIds.class));
  }

  public static Map<String, Object> as(String username, Role role, String unitId) {
    return Map.copyOf(new Actor(username, role, unitId).asMetaData());
  }

  public static Map<String, Object> eastStaff() {
    return as("east-staff", Role.COMMUNITY, "east");
  }

  public static Map<String, Object> streetOffice() {
    return as("street", Role.STREET_OFFICE, null);
  }

  private static GenericDomainEventMessage<Object> first(String type, String stream, Object e) {
    return new GenericDomainEventMessage<>(type, stream, 0, e);
  }
}
