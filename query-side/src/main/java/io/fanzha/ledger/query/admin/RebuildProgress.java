package io.fanzha.ledger.query.admin;

import java.time.Instant;

/**
 * A rebuild: {@code state} running, done or failed; {@code generation} the one it builds beside the
 * live read model. Events done and total are log positions from the start of the log to where the
 * rebuild is and to the head (the head moves on while events are recorded); rate in events per
 * second; ETA in seconds (null when not yet known). {@code before} is the replaced generation's
 * checksum at the position its processor had reached when it was paused for the switch, {@code
 * after} the new generation's at the position the rebuild reached; {@code equal} compares them when
 * both cover the same events (otherwise events recorded meanwhile rightly make them differ). {@code
 * error}: why a failed rebuild stopped; the live read model is then unchanged.
 */
public record RebuildProgress(
    String state,
    int generation,
    Instant startedAt,
    Instant finishedAt,
    long eventsDone,
    long eventsTotal,
    double eventsPerSecond,
    Long etaSeconds,
    Checksum before,
    Checksum after,
    Boolean equal,
    String error) {

  /** A read model's checksum, the documents it covers, and the log position it was taken at. */
  public record Checksum(String sha256, long documents, Long position) {}
}
