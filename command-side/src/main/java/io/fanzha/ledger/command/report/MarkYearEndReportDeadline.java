package io.fanzha.ledger.command.report;

import io.fanzha.ledger.command.recording.StreamIds;
import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Sent by the deadline sweep when the year-end report was due. */
public record MarkYearEndReportDeadline(String campaignId, String unitId, LocalDate dueDate) {

  public String reportId() {
    return ReportIds.yearEnd(campaignId, unitId);
  }

  @TargetAggregateIdentifier
  public String streamId() {
    return StreamIds.yearEndReport(reportId());
  }
}
