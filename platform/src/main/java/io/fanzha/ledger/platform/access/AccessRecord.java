package io.fanzha.ledger.platform.access;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One entry of the access trail: when, which kind, who (account, role, unit; for a lock, the name
 * tried), from which application, request and address, on which method and path, and what was
 * refused or read.
 */
@Document(AccessRecord.COLLECTION)
public record AccessRecord(
    @Id String id,
    Instant at,
    AccessKind kind,
    String actor,
    String role,
    String unitId,
    String application,
    String method,
    String path,
    String requestId,
    String clientAddress,
    String detail) {

  public static final String COLLECTION = "access_trail";
}
