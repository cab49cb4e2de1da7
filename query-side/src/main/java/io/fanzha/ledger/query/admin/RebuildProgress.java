package io.fanzha.ledger.query.admin;

import java.time.Instant;

/**
 * A rebuild: {@code state} running or done; events done and total counted as log positions from the
 * start of the log to the head when it began; rate in events per second; ETA in seconds (null when
 * not yet known). {@code before} is the read model's checksum when its processor stopped, {@code
 * after} when the replay reached the same head; {@code equal} compares them when both cover the
 * same log position (otherwise events recorded meanwhile rightly make them differ).
 */
public record RebuildProgress(
    String state,
    Instant startedAt,
    Instant finishedAt,
    long eventsDone,
    long eventsTotal,
    double eventsPerSecond,
    Long etaSeconds,
    Checksum before,
    Checksum after,
    Boolean equal) {

  /** A read model's checksum, the documents it covers, and the log position it was taken at. */
  public record Checksum(String sha256, long documents, Long position) {}
}
