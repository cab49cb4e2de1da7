package io.fanzha.ledger.query.audit;

import java.util.List;

/**
 * A page of the audit trail in log order: {@code page} counts from 0, {@code total} all matches.
 */
public record AuditPage(List<AuditItem> items, int page, int size, long total) {}
