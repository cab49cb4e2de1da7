/**
 * The year-end package for the auditors: every event up to the year's end with its stored bytes and
 * chain link, the seals, the scorecards at year end and a manifest, as one zip that {@code
 * ./verify} checks offline.
 */
package io.fanzha.ledger.query.yearend;
