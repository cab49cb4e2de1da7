package io.fanzha.ledger.command.recording;

import java.util.Collection;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.springframework.context.annotation.Profile;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Which event ids exist, asked of the relational event table in one query. Axon Server offers no
 * lookup by event id, so under profile {@code axonserver} there is no such check.
 */
@Component
@Profile("!axonserver")
public class EventIds {

  private final NamedParameterJdbcTemplate jdbc;

  public EventIds(NamedParameterJdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  public Set<String> known(Collection<String> ids) {
    return new HashSet<>(
        jdbc.queryForList(
            "SELECT event_identifier FROM domain_event_entry WHERE event_identifier IN (:ids)",
            Map.of("ids", ids),
            String.class));
  }
}
