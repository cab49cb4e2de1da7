/** REST adapter for reporting fraud leads. */
package io.fanzha.ledger.command.lead.web;
