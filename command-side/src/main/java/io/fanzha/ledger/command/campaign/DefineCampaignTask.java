package io.fanzha.ledger.command.campaign;

import io.fanzha.ledger.command.recording.StreamIds;
import io.fanzha.ledger.events.TaskRecurrence;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record DefineCampaignTask(
    String campaignId,
    String taskId,
    String description,
    List<String> responsibleUnitIds,
    List<String> cooperatingUnitIds,
    TaskRecurrence recurrence,
    boolean evidenceRequired) {

  @TargetAggregateIdentifier
  public String streamId() {
    return StreamIds.campaign(campaignId);
  }
}
