package io.fanzha.ledger.harness.endtoend;

import static org.assertj.core.api.Assertions.assertThat;

import io.fanzha.ledger.harness.stack.LedgerStack;
import io.fanzha.ledger.harness.stack.StackOptions;
import io.fanzha.ledger.harness.torture.Outages;
import io.fanzha.ledger.harness.workload.YearOfAStreet;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The short version of {@code ./torture}'s event-store outage: four clients record publicity events
 * while the event store's server is stopped for three seconds and started again. Every refusal is
 * 503 with {@code Retry-After}, every acknowledged event is in the store and whole, nothing refused
 * is recorded, and the command side accepts again without a restart.
 */
class StoreOutageEndToEndIT {

  @Test
  void nothingAcknowledgedIsLostWhileTheEventStoreOrMongoDbIsAway(@TempDir Path data) {
    List<String> flags = new ArrayList<>(StackOptions.SMALL_APP_JVM);
    flags.add("-Dfanzha.police-feed.enabled=false");
    StackOptions options =
        StackOptions.persistent(
                TestStacks.repoRoot(), data, TestStacks.logDir(StoreOutageEndToEndIT.class))
            .withAppJvmFlags(flags)
            .withProfile("sim")
            .withStoresControl();
    try (LedgerStack stack = LedgerStack.start(options)) {
      YearOfAStreet street = Outages.street(stack, 20_270_401L);

      Outages.EventStoreOutage outage = Outages.eventStore(stack, street, Duration.ofSeconds(3), 4);

      assertThat(outage.acknowledged()).as(outage.line()).isPositive();
      assertThat(outage.unavailable()).as(outage.line()).isPositive();
      assertThat(outage.withoutRetryAfter()).as(outage.line()).isZero();
      assertThat(outage.otherRefusals()).as(outage.line()).isZero();
      assertThat(outage.lost()).as(outage.line()).isZero();
      assertThat(outage.halfWritten()).as(outage.line()).isZero();
      assertThat(outage.recordedThoughRefused()).as(outage.line()).isZero();
      assertThat(outage.passed()).as(outage.line()).isTrue();

      Outages.MongoOutage mongo = Outages.mongo(stack, street, Duration.ofSeconds(4), 4);

      assertThat(mongo.acknowledged()).as(mongo.line()).isPositive();
      assertThat(mongo.refused()).as(mongo.line()).isZero();
      assertThat(mongo.queryUnhealthy()).as(mongo.line()).isTrue();
      assertThat(mongo.lost()).as(mongo.line()).isZero();
      assertThat(mongo.auditEntries()).as(mongo.line()).isEqualTo(mongo.storeEvents());
    }
  }
}
