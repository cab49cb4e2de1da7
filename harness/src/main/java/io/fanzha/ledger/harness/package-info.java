/**
 * Drives the whole system from outside, as a user or an operator would: the launcher behind {@code
 * ./run}. It uses no class of the applications; it talks to them over their public HTTP API.
 */
package io.fanzha.ledger.harness;
