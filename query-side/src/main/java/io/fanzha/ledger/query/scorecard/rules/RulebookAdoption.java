package io.fanzha.ledger.query.scorecard.rules;

import io.fanzha.ledger.events.Rulebook;
import java.time.Instant;
import java.time.LocalDate;

/** A rulebook the campaign adopted (ScoringRulesAdopted), in force from {@code effectiveFrom}. */
public record RulebookAdoption(
    Rulebook rulebook,
    LocalDate effectiveFrom,
    String eventId,
    long position,
    Instant recordedAt) {}
