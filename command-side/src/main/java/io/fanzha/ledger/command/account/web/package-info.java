/** REST adapter for opening community and partner accounts. */
package io.fanzha.ledger.command.account.web;
