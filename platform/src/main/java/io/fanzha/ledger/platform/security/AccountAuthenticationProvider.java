package io.fanzha.ledger.platform.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.fanzha.ledger.platform.access.AccessKind;
import io.fanzha.ledger.platform.access.AccessTrail;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Checks HTTP Basic credentials against the accounts in MongoDB. A bcrypt check costs tens of
 * milliseconds by design, so a verified pair is remembered briefly under a SHA-256 of the pair; the
 * password itself is never kept.
 */
public class AccountAuthenticationProvider implements AuthenticationProvider {

  private final Accounts accounts;
  private final PasswordEncoder passwordEncoder;
  private final Cache<String, LedgerUser> verified;
  private final LoginLockout lockout;
  private final AccessTrail accessTrail;

  public AccountAuthenticationProvider(
      Accounts accounts,
      PasswordEncoder passwordEncoder,
      Duration rememberFor,
      LoginLockout lockout,
      AccessTrail accessTrail) {
    this.accessTrail = accessTrail;
    this.accounts = accounts;
    this.passwordEncoder = passwordEncoder;
    this.lockout = lockout;
    this.verified = Caffeine.newBuilder().expireAfterWrite(rememberFor).maximumSize(10_000).build();
  }

  @Override
  public Authentication authenticate(Authentication authentication) {
    String username = authentication.getName();
    String password = String.valueOf(authentication.getCredentials());
    Optional<Instant> locked = lockout.lockedUntil(username);
    if (locked.isPresent()) {
      throw new AccountLocked(locked.get());
    }
    String key = fingerprint(username, password);
    LedgerUser user = verified.getIfPresent(key);
    if (user == null) {
      Optional<Account> account =
          accounts.find(username).filter(a -> passwordEncoder.matches(password, a.passwordHash()));
      if (account.isEmpty()) {
        if (lockout.failed(username)) {
          accessTrail.recordFor(username, AccessKind.ACCOUNT_LOCKED, "repeated failed logins");
        }
        throw new BadCredentialsException("Bad credentials");
      }
      user = account.get().user();
      verified.put(key, user);
    }
    lockout.succeeded(username);
    return UsernamePasswordAuthenticationToken.authenticated(
        user, null, List.of(new SimpleGrantedAuthority("ROLE_" + user.role().name())));
  }

  /** Refused without checking the password: too many failed logins lately. */
  public static final class AccountLocked extends LockedException {

    private final Instant until;

    AccountLocked(Instant until) {
      super("Too many failed logins");
      this.until = until;
    }

    public Instant until() {
      return until;
    }
  }

  @Override
  public boolean supports(Class<?> authentication) {
    return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
  }

  private static String fingerprint(String username, String password) {
    try {
      MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
      sha256.update(username.getBytes(StandardCharsets.UTF_8));
      sha256.update((byte) 0);
      return HexFormat.of().formatHex(sha256.digest(password.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException impossible) {
      throw new IllegalStateException(impossible);
    }
  }
}
