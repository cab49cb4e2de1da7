/** REST adapter for penalising units and revoking penalties. */
package io.fanzha.ledger.command.penalty.web;
