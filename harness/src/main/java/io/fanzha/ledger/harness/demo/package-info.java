/**
 * The demo of {@code ./run --demo}: the bench's year of a street, from January to this month of the
 * next year, recorded through the command side's public API on the simulation clock; and the plain
 * request bodies ({@link io.fanzha.ledger.harness.demo.StreetPlan}) and evidence photos the year's
 * generator is made of.
 */
package io.fanzha.ledger.harness.demo;
