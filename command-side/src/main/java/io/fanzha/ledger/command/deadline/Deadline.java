package io.fanzha.ledger.command.deadline;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One entry of the index: {@code targetId} is the campaign, publicity event or rectification the
 * deadline belongs to; {@code unitId} and {@code period} narrow it where a campaign has many.
 */
public record Deadline(
    String deadlineId,
    Instant dueAt,
    DeadlineKind kind,
    String targetId,
    String unitId,
    String period,
    LocalDate dueDate) {}
