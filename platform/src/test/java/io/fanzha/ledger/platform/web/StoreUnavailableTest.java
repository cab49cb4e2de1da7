package io.fanzha.ledger.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.transaction.TransactionSystemException;

class StoreUnavailableTest {

  @Test
  void aRollbackOnAConnectionThePoolClosedIsTheStoreBeingAway() {
    // Hikari's answer once it has evicted a connection a transaction still held
    var rollback =
        new TransactionSystemException(
            "JDBC rollback failed", new SQLException("Connection is closed", "08003"));
    assertThat(StoreUnavailable.isCause(rollback)).isTrue();
  }

  @Test
  void aDuplicateKeyIsNot() {
    var duplicate =
        new DuplicateKeyException("duplicate", new SQLException("unique", "23505", 23505));
    assertThat(StoreUnavailable.isCause(duplicate)).isFalse();
  }
}
