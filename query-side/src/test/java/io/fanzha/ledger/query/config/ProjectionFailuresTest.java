package io.fanzha.ledger.query.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.deadletter.GenericDeadLetter;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.CannotCreateTransactionException;

class ProjectionFailuresTest {

  private final GenericDeadLetter<EventMessage<?>> letter =
      new GenericDeadLetter<>("audit", GenericEventMessage.asEventMessage("an event"));

  @Test
  void aPoisonousEventIsParked() {
    var decision =
        ProjectionFailures.countingRetries()
            .decide(letter, new IllegalStateException("cannot project this"));
    assertThat(decision.shouldEnqueue()).isTrue();
  }

  @Test
  void aStoreAwayIsThrownOnToTheProcessorNotParked() {
    var away = new CannotCreateTransactionException("Could not open JDBC Connection");
    assertThatThrownBy(() -> ProjectionFailures.countingRetries().decide(letter, away))
        .isInstanceOf(ProjectionFailures.StoreAway.class)
        .hasCause(away);
  }
}
