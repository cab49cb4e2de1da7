/**
 * Personal data under PIPL, erasable although events are immutable (crypto-shredding): a reporter's
 * name and phone are stored in events sealed with a key of their own data subject, kept in MongoDB;
 * erasing the subject deletes the key, and from then on every reader of the events, replays
 * included, sees {@link io.fanzha.ledger.platform.pipl.PersonalDataKeys#ERASED} instead.
 */
package io.fanzha.ledger.platform.pipl;
