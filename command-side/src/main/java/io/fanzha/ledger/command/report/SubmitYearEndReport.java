package io.fanzha.ledger.command.report;

import io.fanzha.ledger.command.recording.StreamIds;
import io.fanzha.ledger.events.ReportStatistics;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record SubmitYearEndReport(
    String campaignId, String unitId, ReportStatistics statistics, String summary) {

  public String reportId() {
    return ReportIds.yearEnd(campaignId, unitId);
  }

  @TargetAggregateIdentifier
  public String streamId() {
    return StreamIds.yearEndReport(reportId());
  }
}
