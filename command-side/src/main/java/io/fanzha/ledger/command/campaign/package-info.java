/** Campaigns (工作方案): period, communities, phases, reporting rules and the scoring rulebook. */
package io.fanzha.ledger.command.campaign;
