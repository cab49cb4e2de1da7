/**
 * The query side: projections of the event log into MongoDB read models (audit trail, fraud leads,
 * scorecards, monthly statistics) and the REST API that reads them. Owns no fact; every read model
 * can be rebuilt by replaying the event store.
 */
package io.fanzha.ledger.query;
