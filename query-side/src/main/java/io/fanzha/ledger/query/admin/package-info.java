/**
 * Administration of the read side for the street office and auditors: every event processor's
 * status, position and lag; rebuilding a read model by replay, with progress and a checksum of its
 * documents before and after; the events parked in the dead-letter queues, to retry or evict, and
 * their count in the health endpoint.
 */
package io.fanzha.ledger.query.admin;
