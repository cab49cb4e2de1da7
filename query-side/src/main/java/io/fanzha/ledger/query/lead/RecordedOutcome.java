package io.fanzha.ledger.query.lead;

import io.fanzha.ledger.events.LeadOutcome;
import java.time.Instant;

/**
 * An outcome the police recorded for a lead, with the event's id, its place in the log ({@code
 * position}, which orders the outcomes) and its timestamp.
 */
public record RecordedOutcome(
    String eventId, long position, Instant recordedAt, LeadOutcome outcome, String note) {}
