/**
 * How the query side is wired: who may call which endpoint, where the processors keep their tokens,
 * how processors treat a failing projection, and how read-model values are stored in MongoDB.
 */
package io.fanzha.ledger.query.config;
