/** Commendations (奖优) awarded by the street office. */
package io.fanzha.ledger.command.commendation;
