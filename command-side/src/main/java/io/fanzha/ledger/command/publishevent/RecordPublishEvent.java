package io.fanzha.ledger.command.publishevent;

import io.fanzha.ledger.command.recording.StreamIds;
import io.fanzha.ledger.events.Location;
import io.fanzha.ledger.events.PublicityFormat;
import io.fanzha.ledger.events.TargetGroup;
import java.time.LocalDate;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record RecordPublishEvent(
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

  @TargetAggregateIdentifier
  public String streamId() {
    return StreamIds.publishEvent(publishEventId);
  }
}
