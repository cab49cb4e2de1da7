package io.fanzha.ledger.command.report;

import io.fanzha.ledger.command.recording.StreamIds;
import java.time.LocalDate;
import java.time.YearMonth;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Sent by the deadline sweep when a month's report was due. */
public record MarkReportDeadline(
    String campaignId, String unitId, YearMonth month, LocalDate dueDate) {

  public String reportId() {
    return ReportIds.monthly(campaignId, unitId, month);
  }

  @TargetAggregateIdentifier
  public String streamId() {
    return StreamIds.monthlyReport(reportId());
  }
}
