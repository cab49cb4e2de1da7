package io.fanzha.ledger.query.leadfeed;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

/**
 * The outbox as the delivery worker, the pull feed and the redelivery see it. An entry is claimed
 * with one find-and-modify that sets a lease, so several query-side instances never send the same
 * entry at once; a lease that runs out (an instance that died mid-send) frees the entry again.
 */
@Service
public class OutboxEntries {

  private static final Sort IN_FEED_ORDER = Sort.by(Sort.Direction.ASC, "sequence");

  private final MongoTemplate mongo;

  public OutboxEntries(MongoTemplate mongo) {
    this.mongo = mongo;
  }

  /** The pending entry lowest in the feed that is due and not held by an instance, now held. */
  Optional<OutboxEntry> claimNext(String owner, Instant now, Instant leaseUntil) {
    Query due =
        query(
                new Criteria()
                    .andOperator(
                        where("delivery").is(DeliveryState.PENDING),
                        new Criteria()
                            .orOperator(
                                where("nextAttemptAt").is(null), where("nextAttemptAt").lte(now)),
                        new Criteria()
                            .orOperator(where("leaseUntil").is(null), where("leaseUntil").lt(now))))
            .with(IN_FEED_ORDER);
    return Optional.ofNullable(
        mongo.findAndModify(
            due,
            new Update().set("leaseOwner", owner).set("leaseUntil", leaseUntil),
            FindAndModifyOptions.options().returnNew(true),
            OutboxEntry.class,
            OutboxEntry.COLLECTION));
  }

  /** The broker confirmed the entry: it is delivered, and the lead at least DELIVERED. */
  void delivered(OutboxEntry entry, String owner, Instant at) {
    mongo.updateFirst(
        query(where("_id").is(entry.leadId()).and("leaseOwner").is(owner)),
        new Update()
            .set("delivery", DeliveryState.DELIVERED)
            .set("deliveredAt", at)
            .set("lastAttemptAt", at)
            .inc("attempts", 1)
            .unset("nextAttemptAt")
            .unset("lastFailure")
            .unset("leaseOwner")
            .unset("leaseUntil"),
        OutboxEntry.COLLECTION);
    mongo.updateFirst(
        query(where("_id").is(entry.leadId()).and("state").is(FeedState.PENDING)),
        new Update().set("state", FeedState.DELIVERED),
        OutboxEntry.COLLECTION);
  }

  /** The attempt failed: the entry stays pending until {@code nextAttemptAt}. */
  void failed(OutboxEntry entry, String owner, Instant at, Instant nextAttemptAt, String why) {
    mongo.updateFirst(
        query(where("_id").is(entry.leadId()).and("leaseOwner").is(owner)),
        new Update()
            .inc("attempts", 1)
            .set("lastAttemptAt", at)
            .set("nextAttemptAt", nextAttemptAt)
            .set("lastFailure", why)
            .unset("leaseOwner")
            .unset("leaseUntil"),
        OutboxEntry.COLLECTION);
  }

  /** Entries after {@code cursor} in feed order, at most {@code limit}. */
  public List<OutboxEntry> after(long cursor, int limit) {
    return mongo.find(
        query(where("sequence").gt(cursor)).with(IN_FEED_ORDER).limit(limit),
        OutboxEntry.class,
        OutboxEntry.COLLECTION);
  }

  public Optional<OutboxEntry> find(String leadId) {
    return Optional.ofNullable(mongo.findById(leadId, OutboxEntry.class, OutboxEntry.COLLECTION));
  }

  /**
   * Every entry after {@code cursor} is sent again: pending, due at once, its attempts counted from
   * zero; an entry only DELIVERED shows PENDING again, one the police answered keeps its state.
   *
   * @return how many entries will be sent again
   */
  long redeliver(long cursor) {
    long entries =
        mongo
            .updateMulti(
                query(where("sequence").gt(cursor)),
                new Update()
                    .set("delivery", DeliveryState.PENDING)
                    .set("attempts", 0)
                    .unset("nextAttemptAt")
                    .unset("lastFailure"),
                OutboxEntry.COLLECTION)
            .getMatchedCount();
    mongo.updateMulti(
        query(where("sequence").gt(cursor).and("state").is(FeedState.DELIVERED)),
        new Update().set("state", FeedState.PENDING),
        OutboxEntry.COLLECTION);
    return entries;
  }

  long pending() {
    return mongo.count(query(where("delivery").is(DeliveryState.PENDING)), OutboxEntry.COLLECTION);
  }
}
