package io.fanzha.ledger.events;

import java.time.LocalDate;
import java.util.List;
import org.axonframework.serialization.Revision;

/** A publicity event (宣传活动) was held by a unit. */
@Revision("1")
public record PublishEventHeld(
    String publishEventId,
    String campaignId,
    String unitId,
    LocalDate heldOn,
    Location location,
    List<PublicityFormat> formats,
    List<TargetGroup> targetGroups,
    int audienceCount,
    Integer materialsDistributed,
    String description) {

  public PublishEventHeld {
    formats = List.copyOf(formats);
    targetGroups = List.copyOf(targetGroups);
  }
}
