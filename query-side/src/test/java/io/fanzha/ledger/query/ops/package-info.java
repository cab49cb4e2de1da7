/** What operators scrape and probe, and two query-side instances sharing the work. */
package io.fanzha.ledger.query.ops;
