package io.fanzha.ledger.query.admin;

import java.util.List;

/**
 * An event processor as administration sees it. {@code status}: running, error (a segment is in
 * error and backing off) or stopped. {@code position}: the lowest log position its segments have
 * handled (null before the first); {@code headPosition}: the newest in the event store; {@code
 * lag}: the positions between them. {@code rebuild}: the last rebuild since this instance started,
 * if any.
 */
public record ProcessorState(
    String name,
    String status,
    Long position,
    Long headPosition,
    Long lag,
    boolean replaying,
    int segmentCount,
    List<Segment> segments,
    RebuildProgress rebuild) {

  /** One segment: its id, position, and whether it is caught up, replaying or in error. */
  public record Segment(
      int segment, Long position, boolean caughtUp, boolean replaying, String error) {}
}
