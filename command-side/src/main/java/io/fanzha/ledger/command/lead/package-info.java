/** Fraud leads (线索) that units find and pass to the police. */
package io.fanzha.ledger.command.lead;
