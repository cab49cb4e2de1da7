/**
 * The command side: aggregates that decide which facts to record, the REST API that turns requests
 * into commands, and the deadlines that record time-based facts. It owns no read model.
 */
package io.fanzha.ledger.command;
