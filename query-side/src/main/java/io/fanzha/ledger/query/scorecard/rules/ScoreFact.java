package io.fanzha.ledger.query.scorecard.rules;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/**
 * One recorded fact about a unit in a campaign. {@code subjectId} is the penalty, commendation or
 * publicity event it concerns (a revocation names the penalty it withdraws); {@code recordedAt} is
 * the event's timestamp, which decides whether the fact counts for an {@code asOf} day.
 */
public record ScoreFact(
    FactKind kind,
    String eventId,
    Instant recordedAt,
    String subjectId,
    BigDecimal points,
    LocalDate heldOn) {

  public static ScoreFact penalty(
      String eventId, Instant recordedAt, String penaltyId, BigDecimal points) {
    return new ScoreFact(FactKind.PENALTY, eventId, recordedAt, penaltyId, points, null);
  }

  public static ScoreFact revocation(String eventId, Instant recordedAt, String penaltyId) {
    return new ScoreFact(FactKind.PENALTY_REVOKED, eventId, recordedAt, penaltyId, null, null);
  }

  public static ScoreFact commendation(
      String eventId, Instant recordedAt, String commendationId, BigDecimal points) {
    return new ScoreFact(FactKind.COMMENDATION, eventId, recordedAt, commendationId, points, null);
  }

  public static ScoreFact publicityEvent(
      String eventId, Instant recordedAt, String publishEventId, LocalDate heldOn) {
    return new ScoreFact(
        FactKind.PUBLICITY_EVENT, eventId, recordedAt, publishEventId, null, heldOn);
  }
}
