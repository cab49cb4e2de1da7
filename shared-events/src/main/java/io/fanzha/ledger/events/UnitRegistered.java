package io.fanzha.ledger.events;

import org.axonframework.serialization.Revision;

/** A unit (community, partner, police station …) was registered by the street office. */
@Revision("1")
public record UnitRegistered(
    String unitId, String name, UnitKind kind, String parentId, Integer population) {}
