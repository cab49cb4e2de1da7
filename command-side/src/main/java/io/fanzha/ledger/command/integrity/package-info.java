/**
 * Tamper evidence. Every stored event is linked into a SHA-256 chain over its position, identity,
 * timestamp, payload and metadata as stored, so that altering, deleting, inserting or reordering
 * any of them breaks the chain; seals record the chain head and a period's Merkle root as events
 * the street office can publish. The chain hashes the stored bytes, so what a later erasure of
 * personal data leaves in place (ciphertext) keeps verifying.
 */
package io.fanzha.ledger.command.integrity;
