/** REST adapter for commending units. */
package io.fanzha.ledger.command.commendation.web;
