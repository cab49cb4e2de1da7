/**
 * {@code POST /admin/bench/gateway} (profile {@code bench} only): runs a batch of the API's own
 * requests through the controllers' handler methods on a pool of threads, timing the dispatch.
 */
package io.fanzha.ledger.command.bench.web;
