package io.fanzha.ledger.command.config;

import static io.fanzha.ledger.events.Role.AUDITOR;
import static io.fanzha.ledger.events.Role.COMMUNITY;
import static io.fanzha.ledger.events.Role.LEADERSHIP;
import static io.fanzha.ledger.events.Role.PARTNER;
import static io.fanzha.ledger.events.Role.POLICE;
import static io.fanzha.ledger.events.Role.STREET_OFFICE;
import static org.springframework.http.HttpMethod.GET;
import static org.springframework.http.HttpMethod.POST;

import io.fanzha.ledger.platform.security.Endpoint;
import io.fanzha.ledger.platform.security.EndpointRules;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Every endpoint of the command side and the roles that may call it, in one table. Which unit a
 * unit-bound account may record for is decided by the aggregates, from the account's unit: a
 * community records only for itself.
 */
@Configuration
public class CommandEndpointRules {

  public static final List<Endpoint> ENDPOINTS =
      List.of(
          new Endpoint(POST, "/api/units", STREET_OFFICE),
          new Endpoint(POST, "/api/campaigns", STREET_OFFICE),
          new Endpoint(POST, "/api/accounts", STREET_OFFICE),
          new Endpoint(POST, "/api/campaigns/*/tasks", STREET_OFFICE),
          new Endpoint(POST, "/api/campaigns/*/rulebook", STREET_OFFICE),
          // every caller records for its own unit only: the aggregate checks the account's unit
          new Endpoint(POST, "/api/publish-events", STREET_OFFICE, COMMUNITY, POLICE, PARTNER)
              .ownUnitForAll(),
          new Endpoint(
                  POST, "/api/publish-events/*/evidence", STREET_OFFICE, COMMUNITY, POLICE, PARTNER)
              .ownUnitForAll(),
          new Endpoint(POST, "/api/fraud-leads", STREET_OFFICE, COMMUNITY, POLICE, PARTNER)
              .ownUnitForAll(),
          new Endpoint(POST, "/api/monthly-reports", STREET_OFFICE, COMMUNITY, POLICE, PARTNER)
              .ownUnitForAll(),
          new Endpoint(POST, "/api/year-end-reports", STREET_OFFICE, COMMUNITY, POLICE, PARTNER)
              .ownUnitForAll(),
          new Endpoint(
                  POST,
                  "/api/rectifications/*/completion",
                  STREET_OFFICE,
                  COMMUNITY,
                  POLICE,
                  PARTNER)
              .ownUnitForAll(),
          new Endpoint(POST, "/api/penalties", STREET_OFFICE),
          new Endpoint(POST, "/api/penalties/*/revocation", STREET_OFFICE),
          new Endpoint(POST, "/api/commendations", STREET_OFFICE),
          new Endpoint(POST, "/api/inspections", STREET_OFFICE),
          new Endpoint(POST, "/api/rectifications", STREET_OFFICE),
          new Endpoint(POST, "/api/fraud-cases", POLICE),
          new Endpoint(POST, "/api/fraud-leads/*/outcome", POLICE),
          new Endpoint(POST, "/api/fraud-leads/*/acknowledgement", POLICE),
          // the audited call for a reporter's contact: every call is recorded
          new Endpoint(POST, "/api/fraud-leads/*/reporter-disclosures", POLICE),
          new Endpoint(POST, "/api/feeds/police-leads/acknowledgements", POLICE),
          new Endpoint(POST, "/api/audit/seals", STREET_OFFICE),
          // PIPL erasure on a person's request
          new Endpoint(POST, "/api/data-subjects/erasure", STREET_OFFICE),
          new Endpoint(GET, "/api/audit/verify", STREET_OFFICE, AUDITOR, LEADERSHIP),
          // present under profile sim only; elsewhere the path answers 404
          new Endpoint(null, "/admin/clock", STREET_OFFICE),
          // present under profile bench only (the benchmark's in-process run); elsewhere 404
          new Endpoint(POST, "/admin/bench/gateway", STREET_OFFICE));

  @Bean
  EndpointRules endpointRules() {
    return () -> ENDPOINTS;
  }
}
