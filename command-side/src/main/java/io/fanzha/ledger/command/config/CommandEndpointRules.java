package io.fanzha.ledger.command.config;

import static io.fanzha.ledger.events.Role.COMMUNITY;
import static io.fanzha.ledger.events.Role.PARTNER;
import static io.fanzha.ledger.events.Role.POLICE;
import static io.fanzha.ledger.events.Role.STREET_OFFICE;
import static org.springframework.http.HttpMethod.GET;
import static org.springframework.http.HttpMethod.POST;

import io.fanzha.ledger.events.Role;
import io.fanzha.ledger.platform.security.EndpointRules;
import java.util.Arrays;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Who may call which endpoint of the command side. Which unit a unit-bound account may record for
 * is decided by the aggregates, from the account's unit.
 */
@Configuration
class CommandEndpointRules {

  @Bean
  EndpointRules endpointRules() {
    return registry -> {
      registry.requestMatchers(POST, "/api/units").hasRole(name(STREET_OFFICE));
      registry.requestMatchers(POST, "/api/campaigns").hasRole(name(STREET_OFFICE));
      registry.requestMatchers(POST, "/api/accounts").hasRole(name(STREET_OFFICE));
      registry
          .requestMatchers(POST, "/api/publish-events", "/api/publish-events/*/evidence")
          .hasAnyRole(names(COMMUNITY, PARTNER, POLICE, STREET_OFFICE));
      registry
          .requestMatchers(POST, "/api/fraud-leads")
          .hasAnyRole(names(COMMUNITY, PARTNER, POLICE, STREET_OFFICE));
      registry
          .requestMatchers(POST, "/api/penalties", "/api/penalties/*/revocation")
          .hasRole(name(STREET_OFFICE));
      registry.requestMatchers(POST, "/api/commendations").hasRole(name(STREET_OFFICE));
      registry
          .requestMatchers(POST, "/api/campaigns/*/tasks", "/api/campaigns/*/rulebook")
          .hasRole(name(STREET_OFFICE));
      registry
          .requestMatchers(POST, "/api/monthly-reports", "/api/year-end-reports")
          .hasAnyRole(names(COMMUNITY, PARTNER, POLICE, STREET_OFFICE));
      registry
          .requestMatchers(POST, "/api/inspections", "/api/rectifications")
          .hasRole(name(STREET_OFFICE));
      registry
          .requestMatchers(POST, "/api/rectifications/*/completion")
          .hasAnyRole(names(COMMUNITY, PARTNER, POLICE, STREET_OFFICE));
      registry.requestMatchers(POST, "/api/fraud-cases").hasRole(name(POLICE));
      registry
          .requestMatchers(
              POST,
              "/api/fraud-leads/*/outcome",
              "/api/fraud-leads/*/acknowledgement",
              "/api/fraud-leads/*/reporter-disclosures",
              "/api/feeds/police-leads/acknowledgements")
          .hasRole(name(POLICE));
      registry.requestMatchers(POST, "/api/audit/seals").hasRole(name(STREET_OFFICE));
      registry
          .requestMatchers(GET, "/api/audit/verify")
          .hasAnyRole(names(STREET_OFFICE, Role.AUDITOR));
      // present under profile sim only; elsewhere the path answers 404
      registry.requestMatchers("/admin/clock").hasRole(name(STREET_OFFICE));
      // present under profile bench only (the benchmark's in-process run); elsewhere 404
      registry.requestMatchers(POST, "/admin/bench/gateway").hasRole(name(STREET_OFFICE));
    };
  }

  private static String name(Role role) {
    return role.name();
  }

  private static String[] names(Role... roles) {
    return Arrays.stream(roles).map(Role::name).toArray(String[]::new);
  }
}
