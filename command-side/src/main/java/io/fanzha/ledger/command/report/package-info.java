/**
 * Monthly stage summaries and year-end reports with their statistics tables, and the deadlines that
 * record a report still missing when its due day has ended.
 */
package io.fanzha.ledger.command.report;
