/**
 * The scorecard read model: per campaign its terms (rulebook, communities, launch event), per unit
 * its name, and per campaign and unit the facts that score it, each kept once by event id. The
 * score itself is computed when asked, by the plain functions of {@code rules}, so that {@code
 * asOf} can give the scorecard as it stood on any day.
 */
package io.fanzha.ledger.query.scorecard;
