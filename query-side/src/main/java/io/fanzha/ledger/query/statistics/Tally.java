package io.fanzha.ledger.query.statistics;

/** A month's numbers as counted from the recorded events, named as in the reported table. */
public record Tally(
    int eventsHeld, int audienceReached, int materialsDistributed, int leadsFound) {}
