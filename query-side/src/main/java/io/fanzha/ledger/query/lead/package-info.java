/**
 * The fraud-lead read model: every lead a unit reported, with its hand-off status and the outcomes
 * the police recorded, for the street office, the police and leadership, and for each unit its own
 * leads. The reporter's name and phone are personal data: they are neither kept here nor logged.
 */
package io.fanzha.ledger.query.lead;
