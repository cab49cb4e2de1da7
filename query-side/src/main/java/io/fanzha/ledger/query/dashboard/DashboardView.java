package io.fanzha.ledger.query.dashboard;

import io.fanzha.ledger.events.TargetGroup;
import io.fanzha.ledger.query.scorecard.ScorecardRow;
import io.fanzha.ledger.query.scorecard.rules.ReportState;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * Everything the dashboard page draws for a campaign as of a day, each figure taken from the
 * ledger's read models: the standings as {@code /api/scorecards} answers them, each community's
 * months from its own scorecard, cases and losses, the leads funnel and the target groups reached.
 */
public record DashboardView(
    String campaignId,
    String title,
    List<CampaignChoice> campaigns,
    LocalDate asOf,
    List<String> months,
    List<ScorecardRow> ranking,
    List<CommunityMonths> compliance,
    List<MonthCases> trend,
    LeadsFunnel leads,
    List<GroupCoverage> targetGroups) {

  /** A campaign the dashboard can show instead, the most recently launched first. */
  public record CampaignChoice(String campaignId, String title) {}

  /** One row of the heatmap: a community's months, in the ranking's order. */
  public record CommunityMonths(
      String unitId, String unitName, int rank, List<MonthCompliance> months) {}

  /**
   * A community's month: publicity events held, its monthly report's state (null while not due and
   * not in), the events whose evidence window closed empty, and how many of the month's decided
   * checks (an event held, the report on time, the evidence complete) were met.
   */
  public record MonthCompliance(
      String month,
      int publicityEvents,
      ReportState report,
      int evidenceMissing,
      int met,
      int checks) {}

  /** Cases that occurred in a month in the campaign's communities, and their losses. */
  public record MonthCases(String month, int cases, BigDecimal lossYuan) {}

  /**
   * The campaign's leads: reported, delivered to the police queue (the broker confirmed),
   * acknowledged by the police (an outcome counts), and filed as a case (the latest outcome).
   */
  public record LeadsFunnel(int reported, int delivered, int acknowledged, int caseFiled) {}

  /** A target group: the publicity events that addressed it and how many units held them. */
  public record GroupCoverage(TargetGroup group, int events, int units) {}
}
