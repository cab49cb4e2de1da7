/**
 * Starts the embedded stores, the command side and the query side as separate processes, waits for
 * them to be healthy, and stops or restarts them: for {@code ./run} and the end-to-end tests.
 */
package io.fanzha.ledger.harness.stack;
