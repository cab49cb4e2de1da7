package io.fanzha.ledger.command.report;

import io.fanzha.ledger.command.recording.StreamIds;
import io.fanzha.ledger.events.ReportStatistics;
import java.time.YearMonth;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record SubmitMonthlyReport(
    String campaignId,
    String unitId,
    YearMonth month,
    ReportStatistics statistics,
    String summary) {

  public String reportId() {
    return ReportIds.monthly(campaignId, unitId, month);
  }

  @TargetAggregateIdentifier
  public String streamId() {
    return StreamIds.monthlyReport(reportId());
  }
}
