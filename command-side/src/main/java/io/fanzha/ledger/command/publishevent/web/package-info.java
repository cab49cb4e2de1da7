/** REST adapter for recording publicity events and uploading their evidence. */
package io.fanzha.ledger.command.publishevent.web;
