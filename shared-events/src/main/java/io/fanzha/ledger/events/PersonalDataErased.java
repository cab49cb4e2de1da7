package io.fanzha.ledger.events;

import org.axonframework.serialization.Revision;

/**
 * A person asked to have their personal data erased, and its key was deleted: whatever the ledger
 * holds of them reads as erased from now on, in every replay too. {@code subjectId} names them by a
 * keyed hash of their phone number, never by the number.
 */
@Revision("1")
public record PersonalDataErased(String subjectId) {}
