/**
 * A generated year of a street's campaign, as the requests that record it: {@link
 * io.fanzha.ledger.harness.workload.YearOfAStreet} makes it month by month, deterministically by
 * seed and scaled to a target number of events; sending it is the caller's business.
 */
package io.fanzha.ledger.harness.workload;
