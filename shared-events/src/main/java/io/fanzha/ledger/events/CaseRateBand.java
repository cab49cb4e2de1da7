package io.fanzha.ledger.events;

import java.math.BigDecimal;

/** A case-rate deduction: more than {@code casesPerTenThousandAbove} cases per 10,000 residents. */
public record CaseRateBand(BigDecimal casesPerTenThousandAbove, BigDecimal points) {}
