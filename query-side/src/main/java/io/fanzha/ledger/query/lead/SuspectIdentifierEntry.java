package io.fanzha.ledger.query.lead;

import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * The index that links leads: per normalised suspect identifier ({@code _id} {@code KIND:value}),
 * every lead that names it, each once, with its reporting unit (a unit account sees links to its
 * own unit's leads only).
 */
@Document(SuspectIdentifierEntry.COLLECTION)
public record SuspectIdentifierEntry(
    @Id String id, SuspectIdentifiers.Kind kind, String value, List<NamedBy> leads) {

  public static final String COLLECTION = "fraud_lead_identifiers";

  public SuspectIdentifierEntry {
    leads = leads == null ? List.of() : List.copyOf(leads);
  }

  /** A lead that names the identifier. */
  public record NamedBy(String leadId, String reportingUnitId) {}
}
