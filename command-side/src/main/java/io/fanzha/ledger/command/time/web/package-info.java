/** The simulation clock's REST adapter (profile sim only). */
package io.fanzha.ledger.command.time.web;
