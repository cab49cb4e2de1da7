package io.fanzha.ledger.events;

import java.math.BigDecimal;
import java.util.List;

/**
 * The scoring rules of a campaign (平安社区 assessment). Points are magnitudes; each rule knows whether
 * it adds or deducts. The numbers are campaign data so that a street can adopt its own.
 */
public record Rulebook(
    String version,
    BigDecimal basePoints,
    BigDecimal publicityMonthMissed,
    BigDecimal evidenceMissing,
    int evidenceWindowDays,
    BigDecimal reportLate,
    BigDecimal reportMissing,
    BigDecimal rectificationOverdue,
    BigDecimal commendationCapPerYear,
    BigDecimal leadConfirmed,
    BigDecimal leadConfirmedCapPerYear,
    List<CaseRateBand> caseRateBands,
    BigDecimal excellentFrom,
    BigDecimal passFrom) {

  public Rulebook {
    caseRateBands = caseRateBands == null ? List.of() : List.copyOf(caseRateBands);
  }

  /** Version {@code default-1}, the rules of domain.md. */
  public static Rulebook defaultRules() {
    return new Rulebook(
        "default-1",
        new BigDecimal("100"),
        new BigDecimal("5"),
        new BigDecimal("1"),
        7,
        new BigDecimal("2"),
        new BigDecimal("5"),
        new BigDecimal("3"),
        new BigDecimal("5"),
        new BigDecimal("0.5"),
        new BigDecimal("3"),
        List.of(
            new CaseRateBand(new BigDecimal("6"), new BigDecimal("3")),
            new CaseRateBand(new BigDecimal("7"), new BigDecimal("6")),
            new CaseRateBand(new BigDecimal("8"), new BigDecimal("10"))),
        new BigDecimal("95"),
        new BigDecimal("90"));
  }
}
