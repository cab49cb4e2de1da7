/**
 * What the query side's tests share: a socket MongoDB with the app's mapping, and event builders.
 */
package io.fanzha.ledger.query.support;
