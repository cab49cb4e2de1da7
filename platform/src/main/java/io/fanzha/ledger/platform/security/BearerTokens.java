package io.fanzha.ledger.platform.security;

import io.fanzha.ledger.events.Role;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Profile;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.stereotype.Component;

/**
 * Profile {@code jwt}: the identity provider vouches for the user, so role and unit come from the
 * token's claims instead of an account. Signature, expiry, issuer and audience are checked by the
 * decoder Spring Boot builds from {@code spring.security.oauth2.resourceserver.jwt.*}; this only
 * turns the verified claims into the ledger's user, refusing a token whose role is missing or
 * unknown or whose unit-bound role names no unit.
 */
@Component
@Profile("jwt")
public class BearerTokens implements Converter<Jwt, AbstractAuthenticationToken> {

  private final String usernameClaim;
  private final String roleClaim;
  private final String unitClaim;

  public BearerTokens(
      @Value("${fanzha.security.jwt.username-claim:preferred_username}") String usernameClaim,
      @Value("${fanzha.security.jwt.role-claim:role}") String roleClaim,
      @Value("${fanzha.security.jwt.unit-claim:unit}") String unitClaim) {
    this.usernameClaim = usernameClaim;
    this.roleClaim = roleClaim;
    this.unitClaim = unitClaim;
  }

  @Override
  public AbstractAuthenticationToken convert(Jwt jwt) {
    LedgerUser user = userOf(jwt);
    return UsernamePasswordAuthenticationToken.authenticated(
        user, null, List.of(new SimpleGrantedAuthority("ROLE_" + user.role().name())));
  }

  LedgerUser userOf(Jwt jwt) {
    String username = jwt.getClaimAsString(usernameClaim);
    if (username == null || username.isBlank()) {
      username = jwt.getSubject();
    }
    if (username == null || username.isBlank()) {
      throw new InvalidBearerTokenException("The token names no user.");
    }
    Role role = role(jwt.getClaim(roleClaim));
    String unit = jwt.getClaimAsString(unitClaim);
    if ((role == Role.COMMUNITY || role == Role.PARTNER) && (unit == null || unit.isBlank())) {
      throw new InvalidBearerTokenException("A " + role + " token must name its unit.");
    }
    return new LedgerUser(username, role, unit == null || unit.isBlank() ? null : unit);
  }

  /** A role claim is one role name, or a list holding exactly one. */
  private Role role(Object claim) {
    Object value = claim;
    if (claim instanceof Collection<?> many) {
      if (many.size() != 1) {
        throw new InvalidBearerTokenException("The token must carry exactly one role.");
      }
      value = many.iterator().next();
    }
    if (!(value instanceof String name) || name.isBlank()) {
      throw new InvalidBearerTokenException("The token carries no role.");
    }
    try {
      return Role.valueOf(name.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException unknown) {
      throw new InvalidBearerTokenException("The token's role is not one of the ledger's.");
    }
  }
}
