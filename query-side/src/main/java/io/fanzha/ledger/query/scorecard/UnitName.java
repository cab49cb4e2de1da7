package io.fanzha.ledger.query.scorecard;

import io.fanzha.ledger.events.UnitKind;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** The name a unit was registered under, keyed by the unit's id. */
@Document(UnitName.COLLECTION)
public record UnitName(@Id String unitId, String name, UnitKind kind) {

  public static final String COLLECTION = "scorecard_units";
}
