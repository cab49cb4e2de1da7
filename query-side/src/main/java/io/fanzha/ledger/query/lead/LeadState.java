package io.fanzha.ledger.query.lead;

/**
 * Where a lead stands, finer than {@link LeadStatus}: before any outcome, whether the police
 * acknowledged it or it was escalated for want of an acknowledgement; then its latest outcome. An
 * escalated lead acknowledged later is ACKNOWLEDGED (its {@code escalatedAt} stays).
 */
public enum LeadState {
  REPORTED,
  ACKNOWLEDGED,
  ESCALATED,
  CASE_FILED,
  INVALID,
  DUPLICATE,
  UNDER_INVESTIGATION;

  static LeadState of(LeadStatus status, boolean acknowledged, boolean escalated) {
    if (status != null && status != LeadStatus.REPORTED) {
      return valueOf(status.name());
    }
    if (acknowledged) {
      return ACKNOWLEDGED;
    }
    return escalated ? ESCALATED : REPORTED;
  }
}
