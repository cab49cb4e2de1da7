package io.fanzha.ledger.command.integrity;

import io.fanzha.ledger.command.recording.StreamIds;
import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Record a seal whose figures the sealing service has just computed from the chain. */
public record SealPeriod(
    String sealId,
    LocalDate from,
    LocalDate to,
    long eventCount,
    String merkleRoot,
    long headPosition,
    String headHash) {

  @TargetAggregateIdentifier
  public String streamId() {
    return StreamIds.seal(sealId);
  }
}
