/** REST adapter for registering units. */
package io.fanzha.ledger.command.unit.web;
