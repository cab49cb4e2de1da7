/** REST adapter for recording inspections. */
package io.fanzha.ledger.command.inspection.web;
