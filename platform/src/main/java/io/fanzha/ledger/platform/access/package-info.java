/**
 * The access trail: refused authorisations, accounts locked, and reads of personal data, with who,
 * what and when, for auditors. Kept beside the ledger, not in it: these are not facts of the
 * campaign.
 */
package io.fanzha.ledger.platform.access;
