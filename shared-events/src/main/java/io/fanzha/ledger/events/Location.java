package io.fanzha.ledger.events;

/** Where a publicity event was held: a name as people know it and its kind. */
public record Location(String name, LocationKind kind) {}
