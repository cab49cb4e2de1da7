package io.fanzha.ledger.events;

/**
 * The monthly statistics table (开展打击防范电信诈骗犯罪活动宣传工作情况统计表) as a unit reports it; all counts are zero
 * or more.
 */
public record ReportStatistics(
    int eventsHeld,
    int audienceReached,
    int materialsDistributed,
    int postersPut,
    int smsSent,
    int screenBroadcasts,
    int householdsVisited,
    int leadsFound) {}
