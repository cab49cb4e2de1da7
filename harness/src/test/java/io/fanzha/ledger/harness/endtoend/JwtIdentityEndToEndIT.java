package io.fanzha.ledger.harness.endtoend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.fanzha.ledger.harness.client.LedgerClient;
import io.fanzha.ledger.harness.client.LedgerResponse;
import io.fanzha.ledger.harness.stack.LedgerStack;
import io.fanzha.ledger.harness.stack.StackOptions;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Profile {@code jwt} on both sides: an identity provider of the test's own (a key it generates,
 * its JWK set served over a real socket) issues the tokens; role and unit come from their claims,
 * and HTTP Basic is off.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class JwtIdentityEndToEndIT {

  TestIdentityProvider identity;
  LedgerStack stack;
  String run;

  @BeforeAll
  void startIdentityProviderAndStack() {
    identity = TestIdentityProvider.start();
    stack =
        LedgerStack.start(
            identity.configure(
                StackOptions.inMemory(TestStacks.repoRoot(), TestStacks.logDir(getClass()))));
    run = TestStacks.unique();
  }

  @AfterAll
  void stop() {
    if (stack != null) {
      stack.stop();
    }
    if (identity != null) {
      identity.close();
    }
  }

  @Test
  void rolesAndUnitsComeFromTheTokenOnBothSides() {
    // Given a street office and two communities registered with a street office token
    LedgerClient street = command(token("zhang.wei", "STREET_OFFICE", null));
    String s = "s-" + run;
    String c1 = "c1-" + run;
    String c2 = "c2-" + run;
    created(street.post("/api/units", Map.of("id", s, "name", "街道", "kind", "STREET_OFFICE")));
    for (String c : List.of(c1, c2)) {
      created(
          street.post(
              "/api/units",
              Map.of("id", c, "name", c, "kind", "COMMUNITY", "parentId", s, "population", 8000)));
    }

    // When a community token bound to c1 reports a lead for c1, and tries one for c2
    LedgerClient community = command(token("li.na", "COMMUNITY", c1));
    String leadId = "lead-" + run;
    LedgerResponse own = community.post("/api/fraud-leads", lead(leadId, c1));
    LedgerResponse other = community.post("/api/fraud-leads", lead("lead-x-" + run, c2));

    // Then its own is recorded and the other refused
    assertThat(own.status()).as(own.toString()).isEqualTo(201);
    assertThat(other.status()).as(other.toString()).isEqualTo(403);

    // And on the query side a police token sees the lead, and the audit trail names the token's
    // user
    LedgerClient police = query(token("wang.jing", "POLICE", null));
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () -> {
              LedgerResponse leads = police.get("/api/fraud-leads");
              assertThat(leads.status()).isEqualTo(200);
              assertThat(leads.body().findValuesAsText("leadId")).contains(leadId);
            });
    LedgerClient auditor = query(token("auditor.zhao", "AUDITOR", null));
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () -> {
              JsonNode page = auditor.get("/api/audit?aggregateId=" + leadId).body();
              assertThat(page.findValuesAsText("actor")).containsExactly("li.na");
              assertThat(page.findValuesAsText("unitId")).containsExactly(c1);
            });
  }

  @Test
  void aRoleThatMayNotDoSomethingIsForbidden() {
    LedgerResponse leaderWrites =
        command(token("leader.sun", "LEADERSHIP", null))
            .post("/api/units", Map.of("id", "u-" + run, "name", "x", "kind", "OTHER"));
    LedgerResponse auditorReadsLeads =
        query(token("auditor.zhao", "AUDITOR", null)).get("/api/fraud-leads");

    assertThat(leaderWrites.status()).isEqualTo(403);
    assertThat(auditorReadsLeads.status()).isEqualTo(403);
  }

  @Test
  void withoutAValidTokenBothSidesAnswer401WithABearerChallenge() {
    String issuer = TestIdentityProvider.ISSUER;
    String expired =
        identity.sign(
            TestIdentityProvider.claims("li.na", "STREET_OFFICE", null, issuer)
                .issuedAt(Instant.now().minusSeconds(7200))
                .expiresAt(Instant.now().minusSeconds(3600))
                .build());
    Map<String, String> refused =
        Map.of(
            "no token", "",
            "another key",
                TestIdentityProvider.sign(
                    TestIdentityProvider.stranger(),
                    TestIdentityProvider.claims("x", "STREET_OFFICE", null, issuer).build()),
            "expired", expired,
            "another issuer",
                identity.sign(
                    TestIdentityProvider.claims("x", "STREET_OFFICE", null, "https://evil.test")
                        .build()),
            "no role", identity.token("x", null, null),
            "unknown role", identity.token("x", "ADMIN", null),
            "community without unit", identity.token("x", "COMMUNITY", null));

    refused.forEach(
        (why, token) -> {
          for (LedgerResponse answer :
              List.of(
                  client(stack.commandUrl(), token)
                      .post("/api/units", Map.of("id", "u-" + run, "name", "x", "kind", "OTHER")),
                  client(stack.queryUrl(), token).get("/api/fraud-leads"))) {
            assertThat(answer.status()).as(why).isEqualTo(401);
            assertThat(answer.header("WWW-Authenticate")).as(why).startsWith("Bearer");
            assertThat(answer.header("Content-Type")).as(why).contains("application/problem+json");
          }
        });
  }

  @Test
  void basicCredentialsAreNotAcceptedUnderJwt() {
    LedgerResponse answer =
        LedgerClient.of(stack.commandUrl())
            .as("street", "street")
            .post("/api/units", Map.of("id", "u-" + run, "name", "x", "kind", "OTHER"));

    assertThat(answer.status()).isEqualTo(401);
  }

  private LedgerClient command(String token) {
    return client(stack.commandUrl(), token);
  }

  private LedgerClient query(String token) {
    return client(stack.queryUrl(), token);
  }

  private static LedgerClient client(java.net.URI base, String token) {
    LedgerClient client = LedgerClient.of(base);
    return token.isEmpty() ? client : client.withBearer(token);
  }

  private static Map<String, Object> lead(String id, String unit) {
    return Map.of(
        "id",
        id,
        "reportingUnitId",
        unit,
        "discoveredOn",
        LocalDate.now(ZoneId.of("Asia/Shanghai")).toString(),
        "category",
        "ORDER_BRUSHING",
        "summary",
        "刷单返利群",
        "suspect",
        Map.of("phones", List.of("13800000000"), "accounts", List.of(), "urls", List.of()));
  }

  private static void created(LedgerResponse response) {
    assertThat(response.status()).as(response.toString()).isEqualTo(201);
  }

  private String token(String user, String role, String unit) {
    return identity.token(user, role, unit);
  }
}
