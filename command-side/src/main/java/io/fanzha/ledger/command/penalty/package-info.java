/** Penalties (扣分) decided by the street office, and their revocation. */
package io.fanzha.ledger.command.penalty;
