package io.fanzha.ledger.events;

import java.time.LocalDate;
import org.axonframework.serialization.Revision;

/** The due day of a rectification ended before it was completed. */
@Revision("1")
public record RectificationOverdue(
    String rectificationId, String campaignId, String unitId, LocalDate dueDate) {}
