package io.fanzha.ledger.query.leadfeed;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.stereotype.Component;

/**
 * The police feed's backlog: {@code fanzha_police_feed_pending} (entries the broker has not
 * confirmed) and {@code fanzha_police_feed_oldest_pending_seconds} (since the oldest of them was
 * reported; 0 when none). Both come from one count and one lookup on an index of (delivery,
 * sequence), taken at most once per {@code fanzha.metrics.feed-backlog-every}.
 */
@Component
class FeedBacklogMeters {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final MongoTemplate mongo;
  private final Duration every;
  private volatile Backlog backlog = new Backlog(0, 0, Instant.MIN);
  private volatile boolean indexed;

  private record Backlog(long pending, double oldestSeconds, Instant at) {}

  FeedBacklogMeters(
      MongoTemplate mongo,
      MeterRegistry meters,
      @Value("${fanzha.metrics.feed-backlog-every:PT10S}") Duration every) {
    this.mongo = mongo;
    this.every = every;
    Gauge.builder("fanzha.police.feed.pending", this, m -> m.backlog().pending())
        .description("police lead outbox entries the broker has not confirmed")
        .baseUnit("leads")
        .register(meters);
    Gauge.builder("fanzha.police.feed.oldest.pending", this, m -> m.backlog().oldestSeconds())
        .description("age of the oldest pending lead, since it was reported")
        .baseUnit("seconds")
        .register(meters);
  }

  private Backlog backlog() {
    Backlog last = backlog;
    Instant now = Instant.now();
    if (last.at().plus(every).isAfter(now)) {
      return last;
    }
    Backlog next;
    try {
      if (!indexed) {
        mongo
            .indexOps(OutboxEntry.COLLECTION)
            .ensureIndex(
                new Index().on("delivery", Sort.Direction.ASC).on("sequence", Sort.Direction.ASC));
        indexed = true;
      }
      var pending = query(where("delivery").is(DeliveryState.PENDING));
      long count = mongo.count(pending, OutboxEntry.COLLECTION);
      OutboxEntry oldest =
          count == 0
              ? null
              : mongo.findOne(
                  pending.with(Sort.by("sequence")).limit(1),
                  OutboxEntry.class,
                  OutboxEntry.COLLECTION);
      next = new Backlog(count, oldest == null ? 0 : ageOf(oldest, now), now);
    } catch (RuntimeException e) {
      // MongoDB away: the last figures stand until it answers; its health says it is down
      next = new Backlog(last.pending(), last.oldestSeconds(), now);
    }
    backlog = next;
    return next;
  }

  private static double ageOf(OutboxEntry entry, Instant now) {
    try {
      JsonNode reportedAt = JSON.readTree(entry.message()).path("reportedAt");
      if (reportedAt.isTextual()) {
        return Math.max(0, Duration.between(Instant.parse(reportedAt.asText()), now).toSeconds());
      }
    } catch (Exception e) {
      // a message without a readable instant has no age to tell
    }
    return 0;
  }
}
