/**
 * The audit trail: one document per recorded event, keyed by the event's id, with who caused it,
 * from which request and address, when, and what it said — personal data withheld. Auditors and the
 * street office page through it in log order, filtered by unit, resource, type, actor or time.
 */
package io.fanzha.ledger.query.audit;
