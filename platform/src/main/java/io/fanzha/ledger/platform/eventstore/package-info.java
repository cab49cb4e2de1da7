/**
 * The event store both sides read: Axon's JdbcEventStorageEngine on H2 (embedded default) or
 * PostgreSQL (profile {@code postgres}), its schema kept by Flyway, events serialised as JSON.
 */
package io.fanzha.ledger.platform.eventstore;
