package io.fanzha.ledger.events;

import java.time.LocalDate;
import org.axonframework.serialization.Revision;

/** The street office ordered a unit to put something right (整改) by a due date. */
@Revision("1")
public record RectificationOrdered(
    String rectificationId,
    String campaignId,
    String unitId,
    String inspectionId,
    String requirement,
    LocalDate dueDate) {}
