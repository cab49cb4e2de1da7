package io.fanzha.ledger.query.lead;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * The timestamp of the newest event of any kind the lead read model has seen, raised with {@code
 * $max}: under the simulation clock the only time the query side knows (see {@link LeadClock}).
 */
@Document(LeadsNewestEvent.COLLECTION)
public record LeadsNewestEvent(@Id String id, Instant recordedAt) {

  public static final String COLLECTION = "fraud_lead_newest_event";
  public static final String ID = "fraud-leads";
}
