package io.fanzha.ledger.query.leadfeed;

import java.util.List;

/**
 * A page of the pull feed; {@code nextCursor} is the last entry's sequence, or the cursor asked
 * with when there is nothing new.
 */
public record FeedPage(List<FeedEntry> items, long nextCursor) {}
