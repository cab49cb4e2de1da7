/**
 * Data subjects under PIPL: a person erased on request. Erasure deletes the subject's key (see
 * platform.pipl) and records {@code PersonalDataErased} once.
 */
package io.fanzha.ledger.command.datasubject;
