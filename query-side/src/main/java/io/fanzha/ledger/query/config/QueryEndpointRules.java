package io.fanzha.ledger.query.config;

import static io.fanzha.ledger.events.Role.AUDITOR;
import static io.fanzha.ledger.events.Role.COMMUNITY;
import static io.fanzha.ledger.events.Role.LEADERSHIP;
import static io.fanzha.ledger.events.Role.PARTNER;
import static io.fanzha.ledger.events.Role.POLICE;
import static io.fanzha.ledger.events.Role.STREET_OFFICE;

import io.fanzha.ledger.events.Role;
import io.fanzha.ledger.platform.security.Endpoint;
import io.fanzha.ledger.platform.security.EndpointRules;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

/**
 * Every endpoint of the query side and the roles that may call it, in one table. Where a role sees
 * only its own unit's rows (leads, a scorecard's detail, the statistics table) the controller
 * narrows the answer. Leadership reads everything and writes nothing.
 */
@Configuration
public class QueryEndpointRules {

  public static final List<Endpoint> ENDPOINTS =
      List.of(
          new Endpoint(HttpMethod.GET, "/api/audit", STREET_OFFICE, AUDITOR, LEADERSHIP),
          new Endpoint(HttpMethod.GET, "/api/audit/events/*", STREET_OFFICE, AUDITOR, LEADERSHIP),
          // who read the audit trail: for those who oversee
          new Endpoint(HttpMethod.GET, "/api/audit/reads", AUDITOR, LEADERSHIP),
          new Endpoint(HttpMethod.GET, "/api/audit/packages/*", STREET_OFFICE, AUDITOR, LEADERSHIP),
          // refused authorisations, locked accounts, personal data read
          new Endpoint(HttpMethod.GET, "/api/access-trail", AUDITOR, LEADERSHIP),
          // COMMUNITY and PARTNER see only the leads their own unit reported
          new Endpoint(
                  HttpMethod.GET,
                  "/api/fraud-leads",
                  STREET_OFFICE,
                  POLICE,
                  LEADERSHIP,
                  COMMUNITY,
                  PARTNER)
              .ownUnitFor(COMMUNITY, PARTNER),
          // one lead with its links; another unit's lead answers 403 to COMMUNITY and PARTNER
          new Endpoint(
                  HttpMethod.GET,
                  "/api/fraud-leads/*",
                  STREET_OFFICE,
                  POLICE,
                  LEADERSHIP,
                  COMMUNITY,
                  PARTNER)
              .ownUnitFor(COMMUNITY, PARTNER),
          // the police lead feed, for police systems that poll (POLICE only, as issue 6 asks); its
          // replay to the queue
          new Endpoint(HttpMethod.GET, "/api/feeds/police-leads", POLICE),
          new Endpoint(HttpMethod.POST, "/api/admin/police-feed/redeliver", STREET_OFFICE),
          new Endpoint(HttpMethod.GET, "/api/scorecards", Role.values()),
          // COMMUNITY and PARTNER read only their own unit's detail
          new Endpoint(HttpMethod.GET, "/api/scorecards/*/*", Role.values())
              .ownUnitFor(COMMUNITY, PARTNER),
          // COMMUNITY and PARTNER see only their own unit's row
          new Endpoint(HttpMethod.GET, "/api/campaigns/*/statistics", Role.values())
              .ownUnitFor(COMMUNITY, PARTNER),
          // the leadership dashboard: the page, its scripts and ECharts, its data, its live stream
          // and the evidence photos of its drill-down
          new Endpoint(HttpMethod.GET, "/dashboard", STREET_OFFICE, LEADERSHIP, AUDITOR),
          new Endpoint(HttpMethod.GET, "/dashboard/**", STREET_OFFICE, LEADERSHIP, AUDITOR),
          new Endpoint(HttpMethod.GET, "/webjars/**", STREET_OFFICE, LEADERSHIP, AUDITOR),
          new Endpoint(HttpMethod.GET, "/api/dashboard", STREET_OFFICE, LEADERSHIP, AUDITOR),
          new Endpoint(HttpMethod.GET, "/api/dashboard/stream", STREET_OFFICE, LEADERSHIP, AUDITOR),
          new Endpoint(HttpMethod.GET, "/api/dashboard/*/*", STREET_OFFICE, LEADERSHIP, AUDITOR),
          new Endpoint(HttpMethod.GET, "/api/evidence/*", STREET_OFFICE, LEADERSHIP, AUDITOR),
          // read-side administration: processors, rebuilds, parked events
          new Endpoint(HttpMethod.GET, "/api/admin/processors", STREET_OFFICE, AUDITOR, LEADERSHIP),
          new Endpoint(
              HttpMethod.GET, "/api/admin/processors/*", STREET_OFFICE, AUDITOR, LEADERSHIP),
          new Endpoint(HttpMethod.POST, "/api/admin/processors/*/rebuild", STREET_OFFICE, AUDITOR),
          new Endpoint(
              HttpMethod.GET, "/api/admin/dead-letters", STREET_OFFICE, AUDITOR, LEADERSHIP),
          new Endpoint(HttpMethod.POST, "/api/admin/dead-letters/*/retry", STREET_OFFICE, AUDITOR),
          new Endpoint(HttpMethod.DELETE, "/api/admin/dead-letters/*/*", STREET_OFFICE, AUDITOR));

  @Bean
  EndpointRules endpointRules() {
    return () -> ENDPOINTS;
  }
}
