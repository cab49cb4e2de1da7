package io.fanzha.ledger.events;

import org.axonframework.serialization.Revision;

/** An account was opened; its credential is kept outside the ledger. */
@Revision("1")
public record AccountOpened(String username, Role role, String unitId) {}
