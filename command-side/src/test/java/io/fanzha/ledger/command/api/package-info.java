/** Tests of the command API over a real socket against the embedded stores. */
package io.fanzha.ledger.command.api;
