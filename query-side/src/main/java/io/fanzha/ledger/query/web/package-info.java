/**
 * The refusals the read models' controllers share: a query with bad parameters (400) and a unit
 * account asking about another unit (403). The platform's problem handler answers both.
 */
package io.fanzha.ledger.query.web;
