package io.fanzha.ledger.query.scorecard.rules;

import io.fanzha.ledger.events.Rulebook;
import java.time.Instant;
import java.time.LocalDate;

/** What scoring needs of a campaign: its rulebook, when its years begin, and its launch event. */
public record CampaignTerms(
    String campaignId,
    Rulebook rulebook,
    LocalDate startDate,
    String launchEventId,
    Instant launchedAt) {}
