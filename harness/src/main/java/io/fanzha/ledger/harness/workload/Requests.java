package io.fanzha.ledger.harness.workload;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * Request bodies of the command side that {@link io.fanzha.ledger.harness.demo.StreetPlan} does not
 * have; each is the body of the endpoint named on it.
 */
public final class Requests {

  private Requests() {}

  /** The {@code statistics} of a monthly or year-end report. */
  public record Statistics(
      int eventsHeld,
      int audienceReached,
      int materialsDistributed,
      int postersPut,
      int smsSent,
      int screenBroadcasts,
      int householdsVisited,
      int leadsFound) {}

  /** {@code POST /api/monthly-reports}; {@code month} is {@code YYYY-MM}. */
  public record MonthlyReport(
      String campaignId, String unitId, String month, Statistics statistics, String summary) {}

  /** {@code POST /api/year-end-reports}. */
  public record YearEndReport(
      String campaignId, String unitId, Statistics statistics, String summary) {}

  /** {@code POST /api/fraud-cases}, by the police. */
  public record FraudCase(
      String id,
      String communityId,
      LocalDate occurredOn,
      String category,
      BigDecimal lossYuan,
      String victimGroup) {}

  /** {@code POST /api/fraud-leads/{id}/outcome}, by the police. */
  public record LeadOutcome(String outcome, String note) {}

  /** {@code POST /api/inspections}, by the street office. */
  public record Inspection(
      String id,
      String campaignId,
      String unitId,
      String kind,
      LocalDate conductedOn,
      String findings,
      String rating) {}

  /** {@code POST /api/rectifications}, by the street office. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Rectification(
      String id,
      String campaignId,
      String unitId,
      String inspectionId,
      String requirement,
      LocalDate dueDate) {}

  /** {@code POST /api/rectifications/{id}/completion}, by the unit's account. */
  public record Completion(String note) {}
}
