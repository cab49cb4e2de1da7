/**
 * How a request becomes a recorded fact: who acts (from the principal, carried in metadata), the
 * named refusals, and the checks of ids a command refers to.
 */
package io.fanzha.ledger.command.recording;
