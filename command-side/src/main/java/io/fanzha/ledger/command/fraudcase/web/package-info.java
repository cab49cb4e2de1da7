/** REST adapter for recording fraud cases. */
package io.fanzha.ledger.command.fraudcase.web;
