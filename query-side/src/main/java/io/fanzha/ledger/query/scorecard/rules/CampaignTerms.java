package io.fanzha.ledger.query.scorecard.rules;

import io.fanzha.ledger.events.Rulebook;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * What scoring needs of a campaign: the rulebook it was launched with and those it adopted later,
 * its period (its years begin on the start date), its launch event, and the months closed so far.
 */
public record CampaignTerms(
    String campaignId,
    Rulebook rulebook,
    LocalDate startDate,
    LocalDate endDate,
    String launchEventId,
    Instant launchedAt,
    List<MonthClosure> monthsClosed,
    List<RulebookAdoption> adoptions) {

  public CampaignTerms {
    monthsClosed = monthsClosed == null ? List.of() : List.copyOf(monthsClosed);
    adoptions = adoptions == null ? List.of() : List.copyOf(adoptions);
  }
}
