package io.fanzha.ledger.platform.security;

import java.util.List;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;

/**
 * Each application states which role may call which of its endpoints, in one table; anything not in
 * it is refused to everyone. The README's matrix is checked against these tables.
 */
@FunctionalInterface
public interface EndpointRules {

  List<Endpoint> endpoints();

  default void apply(
      AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry
          registry) {
    for (Endpoint e : endpoints()) {
      if (e.method() == null) {
        registry.requestMatchers(e.path()).hasAnyRole(e.roleNames());
      } else {
        registry.requestMatchers(e.method(), e.path()).hasAnyRole(e.roleNames());
      }
    }
  }
}
