package io.fanzha.ledger.events;

import java.time.LocalDate;
import org.axonframework.serialization.Revision;

/**
 * The street office sealed a period of the ledger: the head of the hash chain when it sealed, and
 * the Merkle root of the period's events, for publication in its 通报. Anyone holding these two
 * values can later prove the history they cover unchanged.
 */
@Revision("1")
public record PeriodSealed(
    String sealId,
    LocalDate from,
    LocalDate to,
    long eventCount,
    String merkleRoot,
    long headPosition,
    String headHash) {}
