/**
 * {@code ./verify PACKAGE.zip}: checks a year-end package offline, with no server running — every
 * file against the manifest, every event against the hash chain, every seal against the events it
 * covers.
 */
package io.fanzha.ledger.harness.verify;
