package io.fanzha.ledger.query.statistics;

import io.fanzha.ledger.events.ReportStatistics;
import java.util.Map;

/**
 * One community's line of the month's table: what the ledger tallied, what the community reported
 * (null when it has not), whether its report came in late, and for each tallied field where the two
 * differ, reported minus tallied.
 */
public record StatisticsRow(
    String unitId,
    String unitName,
    Tally tally,
    ReportStatistics reported,
    boolean reportLate,
    Map<String, Integer> differences) {}
