/** Wiring of the command side: metadata on every command, the clock, and who may call what. */
package io.fanzha.ledger.command.config;
