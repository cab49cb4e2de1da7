/**
 * The leadership dashboard: a read model of what the existing ones do not keep (each publicity
 * event's target groups and evidence, each fraud case's loss), the page's data assembled from it
 * and from the scorecards and the lead list, the evidence images, and a server-sent event stream
 * that tells open pages when the read models have moved.
 */
package io.fanzha.ledger.query.dashboard;
