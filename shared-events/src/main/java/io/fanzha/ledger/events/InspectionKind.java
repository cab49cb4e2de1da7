package io.fanzha.ledger.events;

/** How the street office inspected (不定期抽查, 年中, 年底). */
public enum InspectionKind {
  SPOT_CHECK,
  MID_YEAR,
  YEAR_END
}
