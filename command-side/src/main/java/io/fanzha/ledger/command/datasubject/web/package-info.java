/** The erasure request over HTTP. */
package io.fanzha.ledger.command.datasubject.web;
