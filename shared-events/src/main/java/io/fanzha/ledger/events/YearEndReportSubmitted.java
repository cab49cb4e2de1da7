package io.fanzha.ledger.events;

import java.time.LocalDate;
import org.axonframework.serialization.Revision;

/** A unit's year-end summary and its table (宣传工作情况表). */
@Revision("1")
public record YearEndReportSubmitted(
    String reportId,
    String campaignId,
    String unitId,
    ReportStatistics statistics,
    String summary,
    LocalDate dueDate,
    boolean late) {}
