/**
 * What the command side and the query side run on alike: accounts and HTTP Basic, request ids,
 * problem+json answers, the JDBC event store and the Jackson serialiser of the ledger.
 */
package io.fanzha.ledger.platform;
