/**
 * The police lead queue: an outbox written from the log ({@link
 * io.fanzha.ledger.query.leadfeed.PoliceLeadOutbox}), one entry per lead with the message to send,
 * its place in the pull feed and its delivery state; a worker that delivers pending entries to
 * RabbitMQ with publisher confirms ({@link io.fanzha.ledger.query.leadfeed.LeadDelivery}); and the
 * pull feed for police systems that poll instead. The outbox is not a rebuildable read model:
 * delivery state is not in the events. The reporter's name and phone are kept only when {@code
 * fanzha.police-feed.include-reporter-contact} is on, and never logged.
 */
package io.fanzha.ledger.query.leadfeed;
