package io.fanzha.ledger.command.account;

import io.fanzha.ledger.command.recording.AlreadyDone;
import io.fanzha.ledger.events.Role;
import io.fanzha.ledger.platform.security.Account;
import io.fanzha.ledger.platform.security.Accounts;
import java.util.Map;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.MetaData;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;

/**
 * Opens an account in two steps that both converge when repeated: the ledger records AccountOpened
 * (or nothing, when the same account is already recorded), then the credential is stored unless one
 * is there. Repeating the same request after a failure between the two finishes the job.
 */
@Service
public class AccountOpening {

  private final CommandGateway commands;
  private final Accounts accounts;
  private final PasswordEncoder passwordEncoder;

  public AccountOpening(
      CommandGateway commands, Accounts accounts, PasswordEncoder passwordEncoder) {
    this.commands = commands;
    this.accounts = accounts;
    this.passwordEncoder = passwordEncoder;
  }

  public void open(String username, String password, Role role, String unitId) {
    open(username, password, role, unitId, Map.of());
  }

  public void open(
      String username, String password, Role role, String unitId, Map<String, String> metaData) {
    commands.sendAndWait(
        new org.axonframework.commandhandling.GenericCommandMessage<>(
            new OpenAccount(username, role, unitId), MetaData.from(metaData)));
    Account stored =
        accounts.insertIfAbsent(
            new Account(username, passwordEncoder.encode(password), role, unitId));
    if (!passwordEncoder.matches(password, stored.passwordHash())) {
      throw new AlreadyDone("Account " + username + " exists with another password.");
    }
  }
}
