package io.fanzha.ledger.query.leadfeed;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.fanzha.ledger.platform.security.CurrentUser;
import io.fanzha.ledger.query.web.BadQuery;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The pull feed for police systems that poll instead of consuming the queue, and the street
 * office's replay of the queue from a cursor.
 */
@RestController
class PoliceLeadFeedController {

  static final int DEFAULT_LIMIT = 100;
  static final int MAX_LIMIT = 500;
  private static final Logger log = LoggerFactory.getLogger(PoliceLeadFeedController.class);

  private final OutboxEntries entries;
  private final ObjectMapper json;

  PoliceLeadFeedController(OutboxEntries entries, ObjectMapper json) {
    this.entries = entries;
    this.json = json;
  }

  @GetMapping("/api/feeds/police-leads")
  FeedPage feed(
      @RequestParam(required = false) String after, @RequestParam(required = false) String limit) {
    long cursor = cursor(after);
    int size = number("limit", limit, DEFAULT_LIMIT, 1, MAX_LIMIT);
    List<FeedEntry> items =
        entries.after(cursor, size).stream().map(e -> FeedEntry.of(e, json)).toList();
    long next = items.isEmpty() ? cursor : items.get(items.size() - 1).sequence();
    log.debug("police feed: {} entries after {} for {}", items.size(), cursor, user());
    return new FeedPage(items, next);
  }

  @PostMapping("/api/admin/police-feed/redeliver")
  Redelivery redeliver(@RequestParam(required = false) String after) {
    long cursor = cursor(after);
    long count = entries.redeliver(cursor);
    log.info("police feed: {} entries after {} set pending again by {}", count, cursor, user());
    return new Redelivery(cursor, count);
  }

  /** Entries after {@code after} that will be sent to the queue again. */
  record Redelivery(long after, long entries) {}

  private static long cursor(String after) {
    if (after == null || after.isEmpty()) {
      return 0;
    }
    try {
      long cursor = Long.parseLong(after);
      if (cursor >= 0) {
        return cursor;
      }
    } catch (NumberFormatException e) {
      // answered below
    }
    throw new BadQuery("after", "must be a feed sequence: a whole number, 0 or more");
  }

  private static int number(String field, String value, int absent, int min, int max) {
    if (value == null || value.isEmpty()) {
      return absent;
    }
    try {
      int number = Integer.parseInt(value);
      if (number >= min && number <= max) {
        return number;
      }
    } catch (NumberFormatException e) {
      // answered below
    }
    throw new BadQuery(field, "must be a whole number from " + min + " to " + max);
  }

  private static String user() {
    return CurrentUser.get().map(u -> u.username()).orElse("?");
  }
}
