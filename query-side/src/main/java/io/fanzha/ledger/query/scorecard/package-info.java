/**
 * The scorecard read model: per campaign its terms (rulebook, period, communities, launch event),
 * the months closed and the rulebooks adopted; per unit its name and population; per community the
 * fraud cases recorded in it; per campaign and unit the facts that score it, each kept once by
 * event id; and the newest event seen. The score itself is computed when asked, by the plain
 * functions of {@code rules}, so that {@code asOf} can give the scorecard as it stood on any day.
 */
package io.fanzha.ledger.query.scorecard;
