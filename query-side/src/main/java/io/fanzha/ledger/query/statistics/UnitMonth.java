package io.fanzha.ledger.query.statistics;

import io.fanzha.ledger.events.ReportStatistics;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * What one unit did and reported in one month, keyed {@code unitId/YYYY-MM}, for every campaign:
 * each entry names its campaign (a lead may name none). Entries are added with {@code $addToSet},
 * so an event delivered twice is counted once; the sums are taken when the table is asked for.
 */
@Document(UnitMonth.COLLECTION)
public record UnitMonth(
    @Id String id,
    String unitId,
    YearMonth month,
    List<Activity> activities,
    List<Lead> leads,
    List<Report> reports) {

  public static final String COLLECTION = "statistics_unit_months";

  public UnitMonth {
    activities = activities == null ? List.of() : List.copyOf(activities);
    leads = leads == null ? List.of() : List.copyOf(leads);
    reports = reports == null ? List.of() : List.copyOf(reports);
  }

  /** Ids are letters, digits, '-' and '_', so '/' cannot occur in the unit's id. */
  public static String idOf(String unitId, YearMonth month) {
    return unitId + "/" + month;
  }

  /** A publicity event held in the month. */
  public record Activity(
      String publishEventId,
      String campaignId,
      int audienceCount,
      int materialsDistributed,
      String eventId) {}

  /** A lead discovered in the month. */
  public record Lead(String leadId, String campaignId, String eventId) {}

  /** The unit's report for the month, with its place in the log. */
  public record Report(
      String reportId,
      String campaignId,
      ReportStatistics statistics,
      boolean late,
      String eventId,
      long position,
      Instant recordedAt) {}
}
