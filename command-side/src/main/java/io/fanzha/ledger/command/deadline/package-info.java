/**
 * Deadlines as a deterministic sweep: an index of what falls due when, built from the events, and a
 * sweep that asks each aggregate to record what is due, in order of due time, with the due instant
 * as the fact's timestamp. The aggregates decide and refuse to record a fact twice, so repeated or
 * concurrent sweeps (two instances, a restart) record each fact once.
 */
package io.fanzha.ledger.command.deadline;
