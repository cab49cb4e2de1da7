package io.fanzha.ledger.events;

import java.time.LocalDate;
import org.axonframework.serialization.Revision;

/** The street office inspected a unit's campaign work. */
@Revision("1")
public record InspectionConducted(
    String inspectionId,
    String campaignId,
    String unitId,
    InspectionKind kind,
    LocalDate conductedOn,
    String findings,
    InspectionRating rating) {}
