package io.fanzha.ledger.query.scorecard.rules;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A fraud case the police recorded in a community. Cases belong to the community, not to a
 * campaign: each campaign counts those that occurred within its period.
 */
public record FraudCase(
    String caseId, String eventId, long position, Instant recordedAt, LocalDate occurredOn) {}
