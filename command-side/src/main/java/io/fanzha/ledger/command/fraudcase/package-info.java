/** Fraud cases (发案) the police record per community; they drive the case-rate rule. */
package io.fanzha.ledger.command.fraudcase;
