package io.fanzha.ledger.query.leadfeed;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How leads reach the police: the queue, whether the reporter's contact travels with a lead, and
 * how the delivery worker paces itself.
 *
 * @param enabled whether the worker delivers to RabbitMQ (the outbox and the pull feed are always
 *     kept)
 * @param queue the durable queue leads are sent to, declared when the broker is first reached
 * @param includeReporterContact the reporter's name and phone in the message instead of a contact
 *     reference; decided when the outbox takes the lead in, so it applies to leads taken in after
 *     it is turned on
 * @param pollInterval how often the worker looks for pending entries
 * @param batchSize entries delivered at most per look
 * @param confirmTimeout how long a publish may wait for the broker's confirm before it counts as
 *     failed
 * @param lease how long one instance holds an entry it is delivering before another may take it
 * @param initialBackoff the wait after a first failure; it doubles with every failure after it
 * @param maxBackoff the longest wait between attempts
 */
@ConfigurationProperties("fanzha.police-feed")
public record PoliceFeedProperties(
    @DefaultValue("true") boolean enabled,
    @DefaultValue("fanzha.police.leads") String queue,
    @DefaultValue("false") boolean includeReporterContact,
    @DefaultValue("PT1S") Duration pollInterval,
    @DefaultValue("100") int batchSize,
    @DefaultValue("PT10S") Duration confirmTimeout,
    @DefaultValue("PT60S") Duration lease,
    @DefaultValue("PT2S") Duration initialBackoff,
    @DefaultValue("PT5M") Duration maxBackoff) {

  /** The wait before the next attempt after {@code failures} failures in a row (1 or more). */
  Duration backoff(int failures) {
    Duration wait = initialBackoff;
    for (int i = 1; i < failures && wait.compareTo(maxBackoff) < 0; i++) {
      wait = wait.multipliedBy(2);
    }
    return wait.compareTo(maxBackoff) > 0 ? maxBackoff : wait;
  }
}
