package io.fanzha.ledger.query;

import java.util.List;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.eventhandling.TrackingToken;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * An event's own place in the log. A gap-aware token carries the highest position seen, so an event
 * that fills a gap (its transaction committed after a later one) arrives with the token of a later
 * event. A projection sees only the events it handles, so only a token that is exactly one position
 * past the one before, with the same gaps, proves the event's own position; otherwise (the first
 * event, events handled in between by no one here, a gap filled) it is asked of the event table.
 * Called from one processor thread; a rebuild has its own.
 */
@Component
public class EventPositions {

  private final ObjectProvider<JdbcTemplate> jdbc;
  private GapAwareTrackingToken last;

  EventPositions(ObjectProvider<JdbcTemplate> jdbc) {
    this.jdbc = jdbc;
  }

  /** Positions from the tokens alone, for projections tested without an event table. */
  public static EventPositions fromTokensOnly() {
    return new EventPositions(new StaticListableBeanFactory().getBeanProvider(JdbcTemplate.class));
  }

  public long positionOf(String eventId, TrackingToken token) {
    TrackingToken current = token instanceof ReplayToken replay ? replay.getCurrentToken() : token;
    if (!(current instanceof GapAwareTrackingToken gapAware)) {
      return token.position().orElseThrow();
    }
    GapAwareTrackingToken before = last;
    last = gapAware;
    long index = gapAware.getIndex();
    if (before != null
        && index == before.getIndex() + 1
        && gapAware.getGaps().equals(before.getGaps())) {
      return index;
    }
    JdbcTemplate template = jdbc.getIfAvailable();
    List<Long> stored =
        template == null
            ? List.of()
            : template.queryForList(
                "SELECT global_index FROM domain_event_entry WHERE event_identifier = ?",
                Long.class,
                eventId);
    return stored.isEmpty() ? index : stored.get(0);
  }

  /** Positions for another reader of the log from its start, such as a rebuild beside this one. */
  public EventPositions fresh() {
    return new EventPositions(jdbc);
  }

  /** A reset starts the log again from its first event. */
  public void reset() {
    last = null;
  }
}
