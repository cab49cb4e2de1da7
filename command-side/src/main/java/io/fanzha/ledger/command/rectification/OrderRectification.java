package io.fanzha.ledger.command.rectification;

import io.fanzha.ledger.command.recording.StreamIds;
import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record OrderRectification(
    String rectificationId,
    String campaignId,
    String unitId,
    String inspectionId,
    String requirement,
    LocalDate dueDate) {

  @TargetAggregateIdentifier
  public String streamId() {
    return StreamIds.rectification(rectificationId);
  }
}
