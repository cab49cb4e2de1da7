package io.fanzha.ledger.command.recording;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.fanzha.ledger.events.CampaignLaunched;
import io.fanzha.ledger.events.FraudLeadReported;
import io.fanzha.ledger.events.InspectionConducted;
import io.fanzha.ledger.events.UnitRegistered;
import java.util.Collection;
import java.util.Optional;
import java.util.Set;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Checks the ids a command refers to against the event store itself: a unit or campaign exists when
 * its stream starts with its creating event. Reading the stream takes no aggregate lock, so many
 * communities can record against one campaign at once. Those first events never change, so a found
 * one is remembered.
 */
@Component
public class References {

  private final EventStore eventStore;
  private final ObjectProvider<EventIds> eventIds;
  private final Cache<String, Object> found = Caffeine.newBuilder().maximumSize(20_000).build();

  public References(EventStore eventStore, ObjectProvider<EventIds> eventIds) {
    this.eventStore = eventStore;
    this.eventIds = eventIds;
  }

  public Optional<UnitRegistered> unit(String unitId) {
    return first(StreamIds.unit(unitId), UnitRegistered.class);
  }

  public Optional<CampaignLaunched> campaign(String campaignId) {
    return first(StreamIds.campaign(campaignId), CampaignLaunched.class);
  }

  public Optional<FraudLeadReported> lead(String leadId) {
    return first(StreamIds.lead(leadId), FraudLeadReported.class);
  }

  public void requireInspection(String field, String inspectionId) {
    first(StreamIds.inspection(inspectionId), InspectionConducted.class)
        .orElseThrow(() -> new UnknownReference(field, "inspection", inspectionId));
  }

  public UnitRegistered requireUnit(String field, String unitId) {
    return unit(unitId).orElseThrow(() -> new UnknownReference(field, "unit", unitId));
  }

  public CampaignLaunched requireCampaign(String field, String campaignId) {
    return campaign(campaignId)
        .orElseThrow(() -> new UnknownReference(field, "campaign", campaignId));
  }

  /** The unit must exist and take part in the campaign. */
  public void requireParticipant(String field, CampaignLaunched campaign, String unitId) {
    requireUnit(field, unitId);
    if (!campaign.communityIds().contains(unitId)) {
      throw new RuleBroken(
          field,
          "Unit " + unitId + " does not take part in campaign " + campaign.campaignId() + ".");
    }
  }

  /** Every id must name an event in the store (checked where the store is relational). */
  public void requireEvents(String field, Collection<String> ids) {
    EventIds lookup = eventIds.getIfAvailable();
    if (ids.isEmpty() || lookup == null) {
      return;
    }
    Set<String> known = lookup.known(ids);
    for (String id : ids) {
      if (!known.contains(id)) {
        throw new UnknownReference(field, "event", id);
      }
    }
  }

  private <T> Optional<T> first(String streamId, Class<T> type) {
    Object cached = found.getIfPresent(streamId);
    if (type.isInstance(cached)) {
      return Optional.of(type.cast(cached));
    }
    DomainEventStream stream = eventStore.readEvents(streamId);
    if (!stream.hasNext()) {
      return Optional.empty();
    }
    Object payload = stream.next().getPayload();
    if (!type.isInstance(payload)) {
      return Optional.empty();
    }
    found.put(streamId, payload);
    return Optional.of(type.cast(payload));
  }
}
