package io.fanzha.ledger.events;

import java.time.LocalDate;
import java.time.YearMonth;
import org.axonframework.serialization.Revision;

/**
 * A report was not in when its due day ended. {@code month} names the monthly report's month and is
 * null for the year-end report.
 */
@Revision("1")
public record ReportDeadlineMissed(
    String reportId,
    String campaignId,
    String unitId,
    ReportKind kind,
    YearMonth month,
    LocalDate dueDate) {}
