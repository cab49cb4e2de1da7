/** A small HTTP client for the ledger's public API, with HTTP Basic and no Spring. */
package io.fanzha.ledger.harness.client;
