package io.fanzha.ledger.command.datasubject;

import io.fanzha.ledger.command.recording.StreamIds;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Record that the subject's personal data is erased; its key is already gone. */
public record EraseDataSubject(@TargetAggregateIdentifier String streamId, String subjectId) {

  public static EraseDataSubject of(String subjectId) {
    return new EraseDataSubject(StreamIds.dataSubject(subjectId), subjectId);
  }
}
