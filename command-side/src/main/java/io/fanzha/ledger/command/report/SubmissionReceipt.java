package io.fanzha.ledger.command.report;

import java.time.Instant;

/** What a submitted report answers: its id, when it arrived and whether that was late. */
public record SubmissionReceipt(String id, Instant submittedAt, boolean late) {}
