/**
 * The facts of the ledger: immutable event records in the domain's words, and the value types they
 * carry. Serialised with Jackson; each event names its revision so that upcasters can evolve it.
 * Nothing here depends on Spring.
 */
package io.fanzha.ledger.events;
