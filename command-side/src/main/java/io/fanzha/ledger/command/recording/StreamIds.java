package io.fanzha.ledger.command.recording;

/**
 * Aggregate identifiers in the event store. Clients choose ids per kind of thing, so a penalty and
 * a publicity event may share one; the prefix keeps their streams apart.
 */
public final class StreamIds {

  private StreamIds() {}

  public static String unit(String id) {
    return "unit:" + id;
  }

  public static String campaign(String id) {
    return "campaign:" + id;
  }

  public static String publishEvent(String id) {
    return "publish-event:" + id;
  }

  public static String dataSubject(String subjectId) {
    return "data-subject:" + subjectId;
  }

  public static String lead(String id) {
    return "lead:" + id;
  }

  public static String penalty(String id) {
    return "penalty:" + id;
  }

  public static String commendation(String id) {
    return "commendation:" + id;
  }

  public static String account(String username) {
    return "account:" + username;
  }

  public static String monthlyReport(String reportId) {
    return "monthly-report:" + reportId;
  }

  public static String yearEndReport(String reportId) {
    return "year-end-report:" + reportId;
  }

  public static String inspection(String id) {
    return "inspection:" + id;
  }

  public static String rectification(String id) {
    return "rectification:" + id;
  }

  public static String fraudCase(String id) {
    return "fraud-case:" + id;
  }

  public static String seal(String id) {
    return "seal:" + id;
  }
}
