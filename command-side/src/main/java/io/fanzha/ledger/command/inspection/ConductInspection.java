package io.fanzha.ledger.command.inspection;

import io.fanzha.ledger.command.recording.StreamIds;
import io.fanzha.ledger.events.InspectionKind;
import io.fanzha.ledger.events.InspectionRating;
import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record ConductInspection(
    String inspectionId,
    String campaignId,
    String unitId,
    InspectionKind kind,
    LocalDate conductedOn,
    String findings,
    InspectionRating rating) {

  @TargetAggregateIdentifier
  public String streamId() {
    return StreamIds.inspection(inspectionId);
  }
}
