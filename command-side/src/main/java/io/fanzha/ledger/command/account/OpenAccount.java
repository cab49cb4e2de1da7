package io.fanzha.ledger.command.account;

import io.fanzha.ledger.command.recording.StreamIds;
import io.fanzha.ledger.events.Role;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record OpenAccount(String username, Role role, String unitId) {

  @TargetAggregateIdentifier
  public String streamId() {
    return StreamIds.account(username);
  }
}
