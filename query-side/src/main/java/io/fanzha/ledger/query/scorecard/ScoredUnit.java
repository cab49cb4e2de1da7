package io.fanzha.ledger.query.scorecard;

import io.fanzha.ledger.events.UnitKind;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A unit as it was registered, keyed by its id: its name for the standings and, for a community,
 * its resident population for the case rate (null when not given).
 */
@Document(ScoredUnit.COLLECTION)
public record ScoredUnit(@Id String unitId, String name, UnitKind kind, Integer population) {

  public static final String COLLECTION = "scorecard_units";
}
