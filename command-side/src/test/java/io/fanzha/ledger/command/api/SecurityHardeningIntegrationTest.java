package io.fanzha.ledger.command.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import io.fanzha.ledger.platform.access.AccessKind;
import io.fanzha.ledger.platform.access.AccessRecord;
import io.fanzha.ledger.stores.EmbeddedStores;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * What the security layer does besides deciding who may call what: locks an account name after
 * repeated failed logins, keeps other origins out unless configured, sends the strict headers, and
 * keeps the actuator's insides for the street office.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "fanzha.deadlines.first-sweep-after=PT1H",
      "fanzha.security.lockout.max-failures=3",
      "fanzha.security.lockout.duration=PT3S",
      "fanzha.security.cors.allowed-origins=https://dashboard.donghu.example",
      "management.endpoints.web.exposure.include=health,info"
    })
class SecurityHardeningIntegrationTest {

  static final EmbeddedStores stores = EmbeddedStores.inMemory();

  @DynamicPropertySource
  static void stores(DynamicPropertyRegistry registry) {
    registry.add("spring.datasource.url", stores::jdbcUrl);
    registry.add("spring.data.mongodb.uri", stores::mongoUri);
  }

  @LocalServerPort int port;
  @Autowired MongoTemplate mongo;
  final HttpClient client = HttpClient.newHttpClient();

  @Test
  void repeatedFailedLoginsLockTheAccountForAWhileEvenWithTheRightPassword() throws Exception {
    // Given three failed logins as police
    for (int i = 0; i < 3; i++) {
      assertThat(get("/actuator/info", "police:wrong-" + i).statusCode()).isEqualTo(401);
    }

    // When the right password follows
    HttpResponse<String> locked = get("/actuator/info", "police:police");

    // Then it is refused as locked, with when to try again, while other accounts are unaffected
    assertThat(locked.statusCode()).isEqualTo(401);
    assertThat(locked.body()).contains("/problems/account-locked");
    assertThat(locked.headers().firstValue("Retry-After")).isPresent();
    assertThat(get("/actuator/info", "street:street").statusCode()).isEqualTo(200);
    // And the lock is in the access trail once, under the name tried
    assertThat(
            mongo.find(
                query(where("kind").is(AccessKind.ACCOUNT_LOCKED).and("actor").is("police")),
                AccessRecord.class))
        .hasSize(1);
    // And once the lock has passed the right password works again
    await()
        .atMost(Duration.ofSeconds(10))
        .pollInterval(Duration.ofMillis(500))
        .until(() -> get("/actuator/info", "police:police").statusCode() == 403);
  }

  @Test
  void aNameThatIsNoAccountLocksAlikeSoTheLockBetraysNothing() throws Exception {
    for (int i = 0; i < 3; i++) {
      get("/actuator/info", "nobody-here:x" + i);
    }

    assertThat(get("/actuator/info", "nobody-here:x").body()).contains("/problems/account-locked");
  }

  @Test
  void onlyTheConfiguredOriginMayCallFromABrowser() throws Exception {
    HttpResponse<String> allowed = preflight("https://dashboard.donghu.example");
    HttpResponse<String> other = preflight("https://evil.example");

    assertThat(allowed.statusCode()).isEqualTo(200);
    assertThat(allowed.headers().firstValue("Access-Control-Allow-Origin"))
        .contains("https://dashboard.donghu.example");
    assertThat(other.statusCode()).isEqualTo(403);
    assertThat(other.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
  }

  @Test
  void everyAnswerCarriesTheStrictBrowserHeaders() throws Exception {
    HttpResponse<String> answer = get("/actuator/health", null);

    assertThat(answer.statusCode()).isEqualTo(200);
    assertThat(answer.headers().firstValue("Content-Security-Policy"))
        .hasValueSatisfying(
            csp -> assertThat(csp).contains("default-src 'self'", "frame-ancestors 'none'"));
    assertThat(answer.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
    assertThat(answer.headers().firstValue("X-Frame-Options")).contains("DENY");
    assertThat(answer.headers().firstValue("Referrer-Policy")).contains("no-referrer");
  }

  @Test
  void theActuatorBeyondHealthNeedsTheStreetOffice() throws Exception {
    assertThat(get("/actuator/health", null).statusCode()).isEqualTo(200);
    assertThat(get("/actuator/info", null).statusCode()).isEqualTo(401);
    assertThat(get("/actuator/info", "leader:leader").statusCode()).isEqualTo(403);
    assertThat(get("/actuator/info", "street:street").statusCode()).isEqualTo(200);
  }

  private HttpResponse<String> get(String path, String credentials)
      throws IOException, InterruptedException {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET();
    if (credentials != null) {
      request.header(
          "Authorization",
          "Basic "
              + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
    }
    return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> preflight(String origin) throws IOException, InterruptedException {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/fraud-leads"))
            .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
            .header("Origin", origin)
            .header("Access-Control-Request-Method", "POST")
            .header("Access-Control-Request-Headers", "authorization,content-type")
            .build();
    return client.send(request, HttpResponse.BodyHandlers.ofString());
  }
}
