package io.fanzha.ledger.events;

import java.util.List;
import org.axonframework.serialization.Revision;

/** A task of the work plan (任务分解) with its responsible (责任) and cooperating (配合) units. */
@Revision("1")
public record CampaignTaskDefined(
    String campaignId,
    String taskId,
    String description,
    List<String> responsibleUnitIds,
    List<String> cooperatingUnitIds,
    TaskRecurrence recurrence,
    boolean evidenceRequired) {

  public CampaignTaskDefined {
    responsibleUnitIds = List.copyOf(responsibleUnitIds);
    cooperatingUnitIds = cooperatingUnitIds == null ? List.of() : List.copyOf(cooperatingUnitIds);
  }
}
