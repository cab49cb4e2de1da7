/** REST adapter for submitting monthly and year-end reports. */
package io.fanzha.ledger.command.report.web;
