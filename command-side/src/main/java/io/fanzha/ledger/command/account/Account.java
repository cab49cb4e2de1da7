package io.fanzha.ledger.command.account;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import io.fanzha.ledger.command.recording.Creates;
import io.fanzha.ledger.command.recording.References;
import io.fanzha.ledger.command.recording.RuleBroken;
import io.fanzha.ledger.command.recording.StreamIds;
import io.fanzha.ledger.events.AccountOpened;
import io.fanzha.ledger.events.Role;
import io.fanzha.ledger.events.UnitKind;
import java.util.EnumSet;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

@Aggregate
public class Account {

  private static final EnumSet<UnitKind> PARTNER_KINDS =
      EnumSet.complementOf(EnumSet.of(UnitKind.COMMUNITY, UnitKind.STREET_OFFICE));

  @AggregateIdentifier private String streamId;
  private AccountOpened opened;

  protected Account() {}

  @CommandHandler
  @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
  void handle(OpenAccount command, References references) {
    AccountOpened event = new AccountOpened(command.username(), command.role(), command.unitId());
    if (Creates.alreadyRecorded(opened, event, "account", command.username())) {
      return;
    }
    boolean unitBound = command.role() == Role.COMMUNITY || command.role() == Role.PARTNER;
    if (unitBound && command.unitId() == null) {
      throw new RuleBroken("unitId", "A " + command.role() + " account must belong to a unit.");
    }
    if (command.unitId() != null) {
      UnitKind kind = references.requireUnit("unitId", command.unitId()).kind();
      if (command.role() == Role.COMMUNITY && kind != UnitKind.COMMUNITY) {
        throw new RuleBroken("unitId", "A COMMUNITY account must belong to a community.");
      }
      if (command.role() == Role.PARTNER && !PARTNER_KINDS.contains(kind)) {
        throw new RuleBroken("unitId", "A PARTNER account must belong to a partner unit.");
      }
    }
    apply(event);
  }

  @EventSourcingHandler
  void on(AccountOpened event) {
    this.streamId = StreamIds.account(event.username());
    this.opened = event;
  }
}
