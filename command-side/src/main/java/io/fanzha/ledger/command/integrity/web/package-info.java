/** REST adapter for sealing periods and verifying the ledger. */
package io.fanzha.ledger.command.integrity.web;
