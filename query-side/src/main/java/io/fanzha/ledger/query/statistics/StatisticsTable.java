package io.fanzha.ledger.query.statistics;

import java.util.List;

/** The statistics table of a campaign's month ({@code YYYY-MM}), a row per community. */
public record StatisticsTable(String campaignId, String month, List<StatisticsRow> rows) {}
