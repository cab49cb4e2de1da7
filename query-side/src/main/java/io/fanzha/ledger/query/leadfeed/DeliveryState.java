package io.fanzha.ledger.query.leadfeed;

/**
 * Whether the entry's message still has to go to the broker (PENDING), or the broker confirmed it
 * (DELIVERED). Separate from {@link FeedState}: a lead the police acknowledged through the pull
 * feed is still sent to the queue, and a redelivery sends acknowledged leads again without
 * forgetting that they were acknowledged.
 */
public enum DeliveryState {
  PENDING,
  DELIVERED
}
