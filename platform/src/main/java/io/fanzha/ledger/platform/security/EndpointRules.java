package io.fanzha.ledger.platform.security;

import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;

/** Each application states which role may call which of its endpoints, in one place. */
@FunctionalInterface
public interface EndpointRules {

  void apply(
      AuthorizeHttpRequestsConfigurer<
                  org.springframework.security.config.annotation.web.builders.HttpSecurity>
              .AuthorizationManagerRequestMatcherRegistry
          registry);
}
