/** REST adapter for ordering and completing rectifications. */
package io.fanzha.ledger.command.rectification.web;
