package io.fanzha.ledger.command.report;

import java.time.YearMonth;

/** A report is named by what it reports on; ids never contain '.', so it separates the parts. */
public final class ReportIds {

  private ReportIds() {}

  public static String monthly(String campaignId, String unitId, YearMonth month) {
    return campaignId + "." + unitId + "." + month;
  }

  public static String yearEnd(String campaignId, String unitId) {
    return campaignId + "." + unitId + ".year-end";
  }
}
