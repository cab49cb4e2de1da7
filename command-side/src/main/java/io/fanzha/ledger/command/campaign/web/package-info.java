/** REST adapter for launching campaigns. */
package io.fanzha.ledger.command.campaign.web;
