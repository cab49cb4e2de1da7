package io.fanzha.ledger.query.scorecard;

import io.fanzha.ledger.query.scorecard.rules.Grade;
import java.math.BigDecimal;

/** A community's place in a campaign's standings. */
public record ScorecardRow(
    String unitId, String unitName, BigDecimal score, Grade grade, int rank) {}
