package io.fanzha.ledger.harness.endtoend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.sun.net.httpserver.HttpServer;
import io.fanzha.ledger.harness.client.LedgerClient;
import io.fanzha.ledger.harness.client.LedgerResponse;
import io.fanzha.ledger.harness.stack.LedgerStack;
import io.fanzha.ledger.harness.stack.StackOptions;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
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
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;

/**
 * Profile {@code jwt} on both sides: an identity provider of the test's own (a key it generates,
 * its JWK set served over a real socket) issues the tokens; role and unit come from their claims,
 * and HTTP Basic is off.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class JwtIdentityEndToEndIT {

  static final String ISSUER = "https://id.fanzha.test";

  HttpServer identityProvider;
  NimbusJwtEncoder tokens;
  NimbusJwtEncoder strangerTokens;
  LedgerStack stack;
  String run;

  @BeforeAll
  void startIdentityProviderAndStack() throws Exception {
    RSAKey key = rsaKey("ledger-test");
    identityProvider = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    byte[] jwks = new JWKSet(key.toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8);
    identityProvider.createContext(
        "/jwks",
        exchange -> {
          exchange.getResponseHeaders().add("Content-Type", "application/json");
          exchange.sendResponseHeaders(200, jwks.length);
          try (OutputStream body = exchange.getResponseBody()) {
            body.write(jwks);
          }
        });
    identityProvider.start();
    tokens = new NimbusJwtEncoder(new ImmutableJWKSet<>(new JWKSet(key)));
    strangerTokens = new NimbusJwtEncoder(new ImmutableJWKSet<>(new JWKSet(rsaKey("ledger-test"))));

    String jwkSetUri = "http://127.0.0.1:" + identityProvider.getAddress().getPort() + "/jwks";
    stack =
        LedgerStack.start(
            StackOptions.inMemory(TestStacks.repoRoot(), TestStacks.logDir(getClass()))
                .withProfile("jwt")
                .withAppArgs(
                    List.of(
                        "--spring.security.oauth2.resourceserver.jwt.jwk-set-uri=" + jwkSetUri,
                        "--spring.security.oauth2.resourceserver.jwt.issuer-uri=" + ISSUER)));
    run = TestStacks.unique();
  }

  @AfterAll
  void stop() {
    if (stack != null) {
      stack.stop();
    }
    if (identityProvider != null) {
      identityProvider.stop(0);
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
    String expired =
        encode(
            tokens,
            claims("li.na", "STREET_OFFICE", null, ISSUER)
                .issuedAt(Instant.now().minusSeconds(7200))
                .expiresAt(Instant.now().minusSeconds(3600))
                .build());
    Map<String, String> refused =
        Map.of(
            "no token", "",
            "another key",
                encode(strangerTokens, claims("x", "STREET_OFFICE", null, ISSUER).build()),
            "expired", expired,
            "another issuer",
                encode(tokens, claims("x", "STREET_OFFICE", null, "https://evil.test").build()),
            "no role", encode(tokens, claims("x", null, null, ISSUER).build()),
            "unknown role", encode(tokens, claims("x", "ADMIN", null, ISSUER).build()),
            "community without unit",
                encode(tokens, claims("x", "COMMUNITY", null, ISSUER).build()));

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

  private String token(String user, String role, String unit) {
    return encode(tokens, claims(user, role, unit, ISSUER).build());
  }

  private static JwtClaimsSet.Builder claims(String user, String role, String unit, String issuer) {
    Instant now = Instant.now();
    JwtClaimsSet.Builder claims =
        JwtClaimsSet.builder()
            .issuer(issuer)
            .subject("sub-" + user)
            .claim("preferred_username", user)
            .issuedAt(now)
            .expiresAt(now.plusSeconds(600));
    if (role != null) {
      claims.claim("role", role);
    }
    if (unit != null) {
      claims.claim("unit", unit);
    }
    return claims;
  }

  private static String encode(NimbusJwtEncoder encoder, JwtClaimsSet claims) {
    JwsHeader header = JwsHeader.with(SignatureAlgorithm.RS256).keyId("ledger-test").build();
    return encoder.encode(JwtEncoderParameters.from(header, claims)).getTokenValue();
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

  private static RSAKey rsaKey(String id) throws Exception {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
    generator.initialize(2048);
    KeyPair pair = generator.generateKeyPair();
    return new RSAKey.Builder((RSAPublicKey) pair.getPublic())
        .privateKey((RSAPrivateKey) pair.getPrivate())
        .keyID(id)
        .build();
  }
}
