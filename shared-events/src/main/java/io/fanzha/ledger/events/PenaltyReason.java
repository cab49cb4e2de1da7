package io.fanzha.ledger.events;

/** Why the street office deducted points (扣分). */
public enum PenaltyReason {
  LATE_MATERIALS,
  POOR_WORK,
  RECTIFICATION_NOT_DONE,
  CAMPAIGN_NOT_CONDUCTED,
  OTHER
}
