/**
 * {@code ./torture}: the ledger under hostile input, store outages, crashes and concurrency, each
 * scenario counted against the event store. {@link io.fanzha.ledger.harness.torture.Torture} runs
 * them; the end-to-end tests run their short versions.
 */
package io.fanzha.ledger.harness.torture;
