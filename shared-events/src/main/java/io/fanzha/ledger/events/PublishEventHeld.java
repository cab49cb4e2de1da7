package io.fanzha.ledger.events;

import java.time.LocalDate;
import java.util.List;
import org.axonframework.serialization.Revision;

/**
 * A publicity event (宣传活动) was held by a unit, often jointly with cooperating units (联合开展: the
 * police station, a bank branch). Revision 2 added {@code cooperatingUnitIds}; events of revision 1
 * are read through {@link PublishEventHeldUpcaster} as held by the unit alone.
 */
@Revision("2")
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
    String description,
    List<String> cooperatingUnitIds) {

  public PublishEventHeld {
    formats = List.copyOf(formats);
    targetGroups = List.copyOf(targetGroups);
    // no default here: a stored revision 1 gets its list from the upcaster, or is not read at all
    cooperatingUnitIds = List.copyOf(cooperatingUnitIds);
  }

  /** An event held by the unit alone. */
  public PublishEventHeld(
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
    this(
        publishEventId,
        campaignId,
        unitId,
        heldOn,
        location,
        formats,
        targetGroups,
        audienceCount,
        materialsDistributed,
        description,
        List.of());
  }
}
