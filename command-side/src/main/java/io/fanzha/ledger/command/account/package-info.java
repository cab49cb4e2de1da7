/**
 * Accounts: the ledger records that an account was opened, for whom and by whom; the credential
 * itself is kept in MongoDB, outside the immutable log.
 */
package io.fanzha.ledger.command.account;
