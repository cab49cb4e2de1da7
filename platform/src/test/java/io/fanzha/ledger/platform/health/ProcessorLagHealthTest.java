package io.fanzha.ledger.platform.health;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.health.Status;

/** The readiness verdict on the processors of one instance, from a given reading. */
class ProcessorLagHealthTest {

  @Test
  void caughtUpProcessorsAreUp() {
    assertThat(health(Map.of("audit", new ProcessorLag.Processor(1, 99L, 0L, null))))
        .isEqualTo(Status.UP);
  }

  @Test
  void aProcessorFurtherBehindThanTheThresholdIsBehind() {
    assertThat(health(Map.of("audit", new ProcessorLag.Processor(1, 0L, 101L, null))))
        .isEqualTo(ProcessorLagHealth.BEHIND);
  }

  @Test
  void aProcessorAtTheThresholdIsUp() {
    assertThat(health(Map.of("audit", new ProcessorLag.Processor(1, 0L, 100L, null))))
        .isEqualTo(Status.UP);
  }

  @Test
  void aProcessorInErrorIsDown() {
    assertThat(
            health(
                Map.of("audit", new ProcessorLag.Processor(1, 0L, 500L, "MongoTimeoutException"))))
        .isEqualTo(Status.DOWN);
  }

  @Test
  void aProcessorWhoseSegmentsAnotherInstanceHoldsIsNotThisInstancesConcern() {
    assertThat(health(Map.of("audit", new ProcessorLag.Processor(0, null, null, null))))
        .isEqualTo(Status.UP);
  }

  private static Status health(Map<String, ProcessorLag.Processor> processors) {
    ProcessorLag lag =
        new ProcessorLag(null, null, null, Duration.ofSeconds(1)) {
          @Override
          public Reading read() {
            return new Reading(Instant.now(), 1000L, processors);
          }
        };
    return new ProcessorLagHealth(lag, 100).health().getStatus();
  }
}
