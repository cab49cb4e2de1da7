package io.fanzha.ledger.platform.eventstore;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.SQLExceptionOverride.Override;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;

class BrokenConnectionsTest {

  private final BrokenConnections judge = new BrokenConnections();

  @Test
  void aSessionOnAClosedOrVanishedDatabaseIsEvicted() {
    assertThat(judge.adjudicate(new SQLException("already closed", "90121", 90121)))
        .isEqualTo(Override.MUST_EVICT);
    assertThat(judge.adjudicate(new SQLException("closed", "90098", 90098)))
        .isEqualTo(Override.MUST_EVICT);
    assertThat(
            judge.adjudicate(
                new SQLException("commit", new SQLException("session closed", "90067", 90067))))
        .isEqualTo(Override.MUST_EVICT);
  }

  @Test
  void otherErrorsAreLeftToHikari() {
    assertThat(judge.adjudicate(new SQLException("duplicate key", "23505", 23505)))
        .isEqualTo(Override.CONTINUE_EVICT);
  }
}
