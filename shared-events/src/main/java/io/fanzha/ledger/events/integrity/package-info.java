/**
 * The ledger's tamper-evidence format, shared by the command side that extends the chain, the query
 * side that packs a year, and the offline verifier: how a stored event is hashed into the chain,
 * and how a period's Merkle root is formed. Plain Java.
 */
package io.fanzha.ledger.events.integrity;
