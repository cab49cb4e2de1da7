package io.fanzha.ledger.events;

import java.time.LocalDate;
import java.time.YearMonth;
import org.axonframework.serialization.Revision;

/** A unit's stage summary for a month and its statistics table; late when after its due day. */
@Revision("1")
public record MonthlyReportSubmitted(
    String reportId,
    String campaignId,
    String unitId,
    YearMonth month,
    ReportStatistics statistics,
    String summary,
    LocalDate dueDate,
    boolean late) {}
