package io.fanzha.ledger.query.scorecard.rules;

import java.time.Instant;
import java.time.YearMonth;

/** A month of the campaign that has fully elapsed, and the CampaignMonthClosed event saying so. */
public record MonthClosure(YearMonth month, String eventId, long position, Instant recordedAt) {}
