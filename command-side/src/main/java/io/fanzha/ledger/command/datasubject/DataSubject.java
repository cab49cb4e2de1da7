package io.fanzha.ledger.command.datasubject;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import io.fanzha.ledger.command.recording.StreamIds;
import io.fanzha.ledger.events.PersonalDataErased;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

/** A person whose data the ledger holds sealed; erased once, asking again records nothing. */
@Aggregate
public class DataSubject {

  @AggregateIdentifier private String streamId;
  private boolean erased;

  protected DataSubject() {}

  /** True when this request erased the subject, false when it already was. */
  @CommandHandler
  @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
  boolean handle(EraseDataSubject command) {
    if (erased) {
      return false;
    }
    apply(new PersonalDataErased(command.subjectId()));
    return true;
  }

  @EventSourcingHandler
  void on(PersonalDataErased event) {
    this.streamId = StreamIds.dataSubject(event.subjectId());
    this.erased = true;
  }
}
