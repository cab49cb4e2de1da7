package io.fanzha.ledger.platform.security;

import io.fanzha.ledger.events.Role;
import java.security.Principal;
import java.util.Objects;

/** The acting user: role and unit come from the account, never from a request body. */
public record LedgerUser(String username, Role role, String unitId) implements Principal {

  public LedgerUser {
    Objects.requireNonNull(username);
    Objects.requireNonNull(role);
  }

  @Override
  public String getName() {
    return username;
  }

  public boolean isBoundTo(String unit) {
    return unitId != null && unitId.equals(unit);
  }
}
