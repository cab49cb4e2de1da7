package io.fanzha.ledger.platform.security;

import java.util.Optional;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/** The user of the request on this thread, if any. */
public final class CurrentUser {

  private CurrentUser() {}

  public static Optional<LedgerUser> get() {
    Authentication auth = SecurityContextHolder.getContext().getAuthentication();
    if (auth != null && auth.getPrincipal() instanceof LedgerUser user) {
      return Optional.of(user);
    }
    return Optional.empty();
  }

  public static LedgerUser require() {
    return get().orElseThrow(() -> new IllegalStateException("no authenticated user"));
  }
}
