package io.fanzha.ledger.platform.security;

import io.fanzha.ledger.events.Role;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** A login: the credential lives here, outside the ledger, which records only AccountOpened. */
@Document("accounts")
public record Account(@Id String username, String passwordHash, Role role, String unitId) {

  public LedgerUser user() {
    return new LedgerUser(username, role, unitId);
  }

  @Override
  public String toString() {
    return "Account[" + username + ", " + role + "]";
  }
}
