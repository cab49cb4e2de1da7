package io.fanzha.ledger.query.admin;

import java.time.Instant;

/**
 * One event parked in a processing group's dead-letter queue: its sequence (the aggregate), the
 * event, the error it met, when it was parked and last touched, how often a retry failed again.
 */
public record ParkedLetter(
    String processingGroup,
    String sequenceId,
    String eventId,
    String type,
    String errorClass,
    String errorMessage,
    Instant parkedAt,
    Instant lastTouched,
    long retries) {}
