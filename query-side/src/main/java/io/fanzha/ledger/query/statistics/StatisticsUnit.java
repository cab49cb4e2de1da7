package io.fanzha.ledger.query.statistics;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** The name a unit was registered under, keyed by the unit's id, for the table's first column. */
@Document(StatisticsUnit.COLLECTION)
public record StatisticsUnit(@Id String unitId, String name) {

  public static final String COLLECTION = "statistics_units";
}
