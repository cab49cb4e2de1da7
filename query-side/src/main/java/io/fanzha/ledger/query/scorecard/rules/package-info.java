/**
 * The scoring rules as plain functions over a community's facts in a campaign: no Spring, no Axon,
 * no MongoDB. Given the campaign's rulebook and the facts recorded up to a day, they give the
 * score, the grade and a line per rule naming the events it rests on.
 */
package io.fanzha.ledger.query.scorecard.rules;
