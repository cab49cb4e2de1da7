/**
 * The command side's one clock. It is the system clock, or under profile {@code sim} a clock that
 * only moves when told; a deadline firing stamps its event with the deadline's own instant.
 */
package io.fanzha.ledger.command.time;
