package io.fanzha.ledger.command.publishevent;

import io.fanzha.ledger.command.recording.StreamIds;
import io.fanzha.ledger.events.EvidenceKind;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Attach stored evidence bytes, described by their hash, to a publicity event. */
public record SubmitEvidence(
    String publishEventId,
    EvidenceKind kind,
    String fileName,
    String sha256,
    long size,
    String mediaType,
    String storageRef) {

  @TargetAggregateIdentifier
  public String streamId() {
    return StreamIds.publishEvent(publishEventId);
  }

  /** Evidence is named by its content, so the same file sent twice is the same evidence. */
  public String evidenceId() {
    return "ev-" + sha256.substring(0, 32);
  }
}
