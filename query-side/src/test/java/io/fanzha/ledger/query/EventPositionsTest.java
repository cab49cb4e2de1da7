package io.fanzha.ledger.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import java.util.TreeSet;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

class EventPositionsTest {

  static GapAwareTrackingToken token(long index, Long... gaps) {
    Set<Long> set = new TreeSet<>(Set.of(gaps));
    return GapAwareTrackingToken.newInstance(index, set);
  }

  @Test
  void anEventThatFillsAGapGetsItsOwnPositionNotTheTokensHighest() {
    // Given an event table where event "late" took position 10 but committed after position 11
    JdbcTemplate jdbc =
        new JdbcTemplate(new DriverManagerDataSource("jdbc:h2:mem:positions;DB_CLOSE_DELAY=-1"));
    jdbc.execute(
        "CREATE TABLE domain_event_entry (global_index BIGINT PRIMARY KEY,"
            + " event_identifier VARCHAR(64))");
    jdbc.update("INSERT INTO domain_event_entry VALUES (9, 'first'), (10, 'late'), (11, 'early')");
    StaticListableBeanFactory beans = new StaticListableBeanFactory();
    beans.addBean("jdbc", jdbc);
    EventPositions positions = new EventPositions(beans.getBeanProvider(JdbcTemplate.class));

    // When they arrive as a gap-aware processor delivers them
    long p1 = positions.positionOf("first", token(9));
    long p2 = positions.positionOf("early", token(11, 10L));
    long p3 = positions.positionOf("late", token(11));

    // Then each has its own position
    assertThat(p1).isEqualTo(9);
    assertThat(p2).isEqualTo(11);
    assertThat(p3).isEqualTo(10);
  }

  @Test
  void aGapFilledAfterEventsThisProjectionDoesNotHandleGetsItsOwnPosition() {
    // Given event "filler" took position 7 but committed after 8 and 9, which this projection
    // does not handle
    JdbcTemplate jdbc =
        new JdbcTemplate(new DriverManagerDataSource("jdbc:h2:mem:skipped;DB_CLOSE_DELAY=-1"));
    jdbc.execute(
        "CREATE TABLE domain_event_entry (global_index BIGINT PRIMARY KEY,"
            + " event_identifier VARCHAR(64))");
    jdbc.update("INSERT INTO domain_event_entry VALUES (5, 'a'), (6, 'b'), (7, 'filler')");
    StaticListableBeanFactory beans = new StaticListableBeanFactory();
    beans.addBean("jdbc", jdbc);
    EventPositions positions = new EventPositions(beans.getBeanProvider(JdbcTemplate.class));

    // When it handles 5, 6, then the filler, which arrives with the token of 9
    long a = positions.positionOf("a", token(5));
    long b = positions.positionOf("b", token(6));
    long filler = positions.positionOf("filler", token(9));

    // Then
    assertThat(a).isEqualTo(5);
    assertThat(b).isEqualTo(6);
    assertThat(filler).isEqualTo(7);
  }
}
