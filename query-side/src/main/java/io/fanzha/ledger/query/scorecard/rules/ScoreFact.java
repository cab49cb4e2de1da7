package io.fanzha.ledger.query.scorecard.rules;

import io.fanzha.ledger.events.LeadOutcome;
import io.fanzha.ledger.events.ReportKind;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;

/**
 * One recorded fact about a unit in a campaign. {@code position} is the event's place in the log,
 * which orders facts; {@code recordedAt} is its timestamp, which decides whether it counts for a
 * day. {@code subjectId} is what the fact is about: the penalty (a revocation names the one it
 * withdraws), commendation, publicity event (also for its evidence window), report, rectification
 * or lead. The other fields are those of its kind and null otherwise.
 */
public record ScoreFact(
    FactKind kind,
    String eventId,
    long position,
    Instant recordedAt,
    String subjectId,
    BigDecimal points,
    LocalDate heldOn,
    YearMonth month,
    ReportKind reportKind,
    Boolean late,
    Integer evidenceCount,
    LeadOutcome outcome) {

  private static ScoreFact of(
      FactKind kind, String eventId, long position, Instant recordedAt, String subjectId) {
    return new ScoreFact(
        kind, eventId, position, recordedAt, subjectId, null, null, null, null, null, null, null);
  }

  public static ScoreFact penalty(
      String eventId, long position, Instant recordedAt, String penaltyId, BigDecimal points) {
    return new ScoreFact(
        FactKind.PENALTY,
        eventId,
        position,
        recordedAt,
        penaltyId,
        points,
        null,
        null,
        null,
        null,
        null,
        null);
  }

  public static ScoreFact revocation(
      String eventId, long position, Instant recordedAt, String penaltyId) {
    return of(FactKind.PENALTY_REVOKED, eventId, position, recordedAt, penaltyId);
  }

  public static ScoreFact commendation(
      String eventId, long position, Instant recordedAt, String commendationId, BigDecimal points) {
    return new ScoreFact(
        FactKind.COMMENDATION,
        eventId,
        position,
        recordedAt,
        commendationId,
        points,
        null,
        null,
        null,
        null,
        null,
        null);
  }

  public static ScoreFact publicityEvent(
      String eventId, long position, Instant recordedAt, String publishEventId, LocalDate heldOn) {
    return new ScoreFact(
        FactKind.PUBLICITY_EVENT,
        eventId,
        position,
        recordedAt,
        publishEventId,
        null,
        heldOn,
        null,
        null,
        null,
        null,
        null);
  }

  public static ScoreFact evidenceWindowClosed(
      String eventId,
      long position,
      Instant recordedAt,
      String publishEventId,
      LocalDate heldOn,
      int evidenceCount) {
    return new ScoreFact(
        FactKind.EVIDENCE_WINDOW_CLOSED,
        eventId,
        position,
        recordedAt,
        publishEventId,
        null,
        heldOn,
        null,
        null,
        null,
        evidenceCount,
        null);
  }

  public static ScoreFact monthlyReport(
      String eventId,
      long position,
      Instant recordedAt,
      String reportId,
      YearMonth month,
      boolean late) {
    return new ScoreFact(
        FactKind.MONTHLY_REPORT_SUBMITTED,
        eventId,
        position,
        recordedAt,
        reportId,
        null,
        null,
        month,
        ReportKind.MONTHLY,
        late,
        null,
        null);
  }

  public static ScoreFact yearEndReport(
      String eventId, long position, Instant recordedAt, String reportId, boolean late) {
    return new ScoreFact(
        FactKind.YEAR_END_REPORT_SUBMITTED,
        eventId,
        position,
        recordedAt,
        reportId,
        null,
        null,
        null,
        ReportKind.YEAR_END,
        late,
        null,
        null);
  }

  /** A report deadline that passed; {@code month} is null for the year-end report. */
  public static ScoreFact deadlineMissed(
      String eventId,
      long position,
      Instant recordedAt,
      String reportId,
      ReportKind reportKind,
      YearMonth month) {
    return new ScoreFact(
        FactKind.REPORT_DEADLINE_MISSED,
        eventId,
        position,
        recordedAt,
        reportId,
        null,
        null,
        month,
        reportKind,
        null,
        null,
        null);
  }

  public static ScoreFact rectificationOverdue(
      String eventId, long position, Instant recordedAt, String rectificationId) {
    return of(FactKind.RECTIFICATION_OVERDUE, eventId, position, recordedAt, rectificationId);
  }

  public static ScoreFact leadOutcome(
      String eventId, long position, Instant recordedAt, String leadId, LeadOutcome outcome) {
    return new ScoreFact(
        FactKind.LEAD_OUTCOME,
        eventId,
        position,
        recordedAt,
        leadId,
        null,
        null,
        null,
        null,
        null,
        null,
        outcome);
  }
}
