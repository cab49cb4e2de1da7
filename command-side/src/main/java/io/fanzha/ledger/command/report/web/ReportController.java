package io.fanzha.ledger.command.report.web;

import io.fanzha.ledger.command.report.SubmissionReceipt;
import io.fanzha.ledger.command.report.SubmitMonthlyReport;
import io.fanzha.ledger.command.report.SubmitYearEndReport;
import io.fanzha.ledger.events.ReportStatistics;
import io.fanzha.ledger.platform.web.LedgerId;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.YearMonth;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
class ReportController {

  private static final int MAX = 100_000_000;

  private final CommandGateway commands;

  ReportController(CommandGateway commands) {
    this.commands = commands;
  }

  record StatisticsRequest(
      @NotNull @PositiveOrZero @Max(MAX) Integer eventsHeld,
      @NotNull @PositiveOrZero @Max(MAX) Integer audienceReached,
      @NotNull @PositiveOrZero @Max(MAX) Integer materialsDistributed,
      @NotNull @PositiveOrZero @Max(MAX) Integer postersPut,
      @NotNull @PositiveOrZero @Max(MAX) Integer smsSent,
      @NotNull @PositiveOrZero @Max(MAX) Integer screenBroadcasts,
      @NotNull @PositiveOrZero @Max(MAX) Integer householdsVisited,
      @NotNull @PositiveOrZero @Max(MAX) Integer leadsFound) {

    ReportStatistics toStatistics() {
      return new ReportStatistics(
          eventsHeld,
          audienceReached,
          materialsDistributed,
          postersPut,
          smsSent,
          screenBroadcasts,
          householdsVisited,
          leadsFound);
    }
  }

  record MonthlyReportRequest(
      @NotNull @LedgerId String campaignId,
      @NotNull @LedgerId String unitId,
      @NotNull @Pattern(regexp = "\\d{4}-(0[1-9]|1[0-2])", message = "must be a month YYYY-MM")
          String month,
      @NotNull @Valid StatisticsRequest statistics,
      @Size(max = 10_000) String summary) {}

  record YearEndReportRequest(
      @NotNull @LedgerId String campaignId,
      @NotNull @LedgerId String unitId,
      @NotNull @Valid StatisticsRequest statistics,
      @Size(max = 20_000) String summary) {}

  @PostMapping("/api/monthly-reports")
  ResponseEntity<SubmissionReceipt> submitMonthly(
      @Valid @RequestBody MonthlyReportRequest request) {
    SubmissionReceipt receipt =
        commands.sendAndWait(
            new SubmitMonthlyReport(
                request.campaignId(),
                request.unitId(),
                YearMonth.parse(request.month()),
                request.statistics().toStatistics(),
                request.summary()));
    return ResponseEntity.created(URI.create("/api/monthly-reports/" + receipt.id())).body(receipt);
  }

  @PostMapping("/api/year-end-reports")
  ResponseEntity<SubmissionReceipt> submitYearEnd(
      @Valid @RequestBody YearEndReportRequest request) {
    SubmissionReceipt receipt =
        commands.sendAndWait(
            new SubmitYearEndReport(
                request.campaignId(),
                request.unitId(),
                request.statistics().toStatistics(),
                request.summary()));
    return ResponseEntity.created(URI.create("/api/year-end-reports/" + receipt.id()))
        .body(receipt);
  }
}
