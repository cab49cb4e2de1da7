package io.fanzha.ledger.query.leadfeed;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** A registered unit's name, so that a lead's message can name the unit that reported it. */
@Document(ReportingUnitName.COLLECTION)
public record ReportingUnitName(@Id String unitId, String name) {

  public static final String COLLECTION = "police_lead_outbox_units";
}
