/**
 * The demo street: a deterministic plan of what a street office and its communities record (units,
 * a campaign, accounts, a month of publicity, evidence, leads, a penalty and a commendation), and
 * the recorder that sends such a plan through the command side's public API.
 */
package io.fanzha.ledger.harness.demo;
