package io.fanzha.ledger.query.audit;

import java.util.List;

/**
 * A page of the audit trail in log order. {@code total} counts every match of the filters. Asked by
 * {@code page} (from 0) and {@code size}, {@code page} says which; asked by cursor, it is null.
 * {@code nextCursor} is the log position of the last item returned (null when none was): ask again
 * with {@code after=nextCursor} for what follows, now or later.
 */
public record AuditPage(
    List<AuditItem> items, Integer page, int size, long total, Long nextCursor) {}
