package io.fanzha.ledger.query.audit;

import java.time.Instant;
import java.util.Map;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * Someone read the audit trail: who (account, role, unit), when, from which request, what they
 * asked for (path and filters) and how many events they were given. Kept for auditors; not an
 * event, since the query side records none.
 */
@Document(AuditRead.COLLECTION)
public record AuditRead(
    @Id String id,
    Instant at,
    String actor,
    String role,
    String unitId,
    String requestId,
    What what,
    long count) {

  public static final String COLLECTION = "audit_reads";

  /** The path asked for and its filters by parameter name. */
  public record What(String path, Map<String, String> filters) {}
}
