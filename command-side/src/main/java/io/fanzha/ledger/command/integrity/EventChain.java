package io.fanzha.ledger.command.integrity;

import io.fanzha.ledger.events.integrity.ChainHash;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Profile;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionOperations;

/**
 * Extends the stored hash chain over events appended since. A position left empty may still be
 * filled by a transaction that has not committed yet, so the chain waits at a gap until it has
 * stood empty for {@code gap-timeout}, then passes it by (its insert was rolled back).
 */
@Component
@Profile("!axonserver")
public class EventChain {

  private static final Logger log = LoggerFactory.getLogger(EventChain.class);

  public record Link(long position, String eventId, String hash) {}

  private final JdbcTemplate jdbc;
  private final TransactionOperations transactions;
  private final EventTable events;
  private final Duration gapTimeout;
  private final Map<Long, Instant> gapsSeen = new HashMap<>();

  public EventChain(
      JdbcTemplate jdbc,
      TransactionOperations transactions,
      EventTable events,
      @Value("${fanzha.integrity.gap-timeout:PT10S}") Duration gapTimeout) {
    this.jdbc = jdbc;
    this.transactions = transactions;
    this.events = events;
    this.gapTimeout = gapTimeout;
  }

  public Link head() {
    List<Link> head =
        jdbc.query(
            "SELECT global_index, event_identifier, hash FROM event_chain"
                + " ORDER BY global_index DESC LIMIT 1",
            (rs, i) -> new Link(rs.getLong(1), rs.getString(2), rs.getString(3)));
    return head.isEmpty() ? new Link(0, null, ChainHash.GENESIS) : head.get(0);
  }

  @Scheduled(fixedDelayString = "${fanzha.integrity.extend-every:PT2S}")
  public void extendOnSchedule() {
    extend();
  }

  /**
   * @return the number of links added
   */
  public synchronized int extend() {
    Link head = head();
    List<Link> added = new ArrayList<>();
    long[] expected = {head.position() + 1};
    String[] previous = {head.hash()};
    boolean[] stopped = {false};
    Instant now = Instant.now();
    events.forEachAfter(
        head.position(),
        event -> {
          if (stopped[0]) {
            return;
          }
          if (event.position() > expected[0] && !gapPassed(expected[0], event.position(), now)) {
            stopped[0] = true;
            return;
          }
          previous[0] = ChainHash.link(previous[0], event);
          added.add(new Link(event.position(), event.eventId(), previous[0]));
          expected[0] = event.position() + 1;
        });
    if (!added.isEmpty()) {
      // connections do not autocommit: the links are written in a transaction of their own
      transactions.executeWithoutResult(
          tx ->
              jdbc.batchUpdate(
                  "INSERT INTO event_chain (global_index, event_identifier, hash) VALUES (?, ?, ?)",
                  added,
                  500,
                  (ps, link) -> {
                    ps.setLong(1, link.position());
                    ps.setString(2, link.eventId());
                    ps.setString(3, link.hash());
                  }));
      log.debug("event chain extended by {} to position {}", added.size(), expected[0] - 1);
    }
    return added.size();
  }

  /** Whether every position in [{@code from}, {@code to}) has stood empty long enough. */
  private boolean gapPassed(long from, long to, Instant now) {
    boolean passed = true;
    for (long p = from; p < to; p++) {
      Instant seen = gapsSeen.computeIfAbsent(p, k -> now);
      if (Duration.between(seen, now).compareTo(gapTimeout) < 0) {
        passed = false;
      }
    }
    if (passed) {
      for (long p = from; p < to; p++) {
        gapsSeen.remove(p);
      }
    }
    return passed;
  }

  /** The stored links in order, from the first after {@code position}. */
  /** The stored links in order, fetched a page at a time. */
  public Links links() {
    return new Links();
  }

  /** A cursor over the stored links; one page in memory. */
  public final class Links {
    private static final int PAGE = 10_000;
    private List<Link> page = List.of();
    private int next;
    private long after;
    private boolean exhausted;

    /** The next link, or null after the last. */
    public Link peek() {
      if (next == page.size() && !exhausted) {
        page =
            jdbc.query(
                "SELECT global_index, event_identifier, hash FROM event_chain WHERE global_index > ?"
                    + " ORDER BY global_index LIMIT "
                    + PAGE,
                (rs, i) -> new Link(rs.getLong(1), rs.getString(2), rs.getString(3)),
                after);
        next = 0;
        exhausted = page.size() < PAGE;
      }
      return next < page.size() ? page.get(next) : null;
    }

    public void next() {
      Link current = peek();
      if (current != null) {
        after = current.position();
        next++;
      }
    }
  }
}
