package io.fanzha.ledger.query.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fanzha.ledger.query.web.BadQuery;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class AuditFilterUnitTest {

  @Test
  void aDateReadsAsTheWholeDayInShanghai() {
    AuditFilter filter =
        AuditFilter.parse(null, null, null, null, null, null, "2026-03-02", "2026-03-02");

    assertThat(filter.from()).isEqualTo(Instant.parse("2026-03-01T16:00:00Z"));
    assertThat(filter.to())
        .isEqualTo(new AuditFilter.TimeBound(Instant.parse("2026-03-02T16:00:00Z"), false));
  }

  @Test
  void anInstantIsTakenAsGivenAndIncluded() {
    AuditFilter filter =
        AuditFilter.parse(
            null,
            null,
            null,
            null,
            null,
            null,
            "2026-03-02T08:00:00+08:00",
            "2026-03-02T10:00:00Z");

    assertThat(filter.from()).isEqualTo(Instant.parse("2026-03-02T00:00:00Z"));
    assertThat(filter.to())
        .isEqualTo(new AuditFilter.TimeBound(Instant.parse("2026-03-02T10:00:00Z"), true));
  }

  @Test
  void somethingElseIsRefused() {
    assertThatThrownBy(
            () -> AuditFilter.parse(null, null, null, null, null, null, "yesterday", null))
        .isInstanceOf(BadQuery.class);
    assertThatThrownBy(
            () -> AuditFilter.parse(null, null, null, null, null, null, "2026-03-02", "2026-03-01"))
        .isInstanceOf(BadQuery.class);
  }
}
