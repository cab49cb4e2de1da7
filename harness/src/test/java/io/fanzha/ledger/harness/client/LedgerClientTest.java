package io.fanzha.ledger.harness.client;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class LedgerClientTest {

  private HttpServer server;
  private final AtomicReference<HttpExchange> seen = new AtomicReference<>();
  private final AtomicReference<byte[]> seenBody = new AtomicReference<>();
  private LedgerClient client;

  @BeforeEach
  void startServer() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext(
        "/",
        exchange -> {
          seen.set(exchange);
          seenBody.set(exchange.getRequestBody().readAllBytes());
          boolean problem = exchange.getRequestURI().getPath().equals("/problem");
          byte[] answer =
              (problem
                      ? "{\"type\":\"about:blank\",\"status\":409,\"detail\":\"taken\"}"
                      : "{\"ok\":true}")
                  .getBytes(StandardCharsets.UTF_8);
          exchange.getResponseHeaders().add("X-Request-Id", "echo");
          exchange.sendResponseHeaders(problem ? 409 : 201, answer.length);
          exchange.getResponseBody().write(answer);
          exchange.close();
        });
    server.start();
    client = LedgerClient.of(URI.create("http://127.0.0.1:" + server.getAddress().getPort()));
  }

  @AfterEach
  void stopServer() {
    server.stop(0);
  }

  @Test
  void postsJsonWithBasicAuthAndTheRequestId() {
    LedgerResponse response =
        client
            .as("street", "street")
            .withRequestId("req-1")
            .post("/api/units", Map.of("id", "u-1", "heldOn", LocalDate.of(2026, 11, 28)));

    assertThat(response.status()).isEqualTo(201);
    assertThat(response.body().path("ok").asBoolean()).isTrue();
    assertThat(response.header("X-Request-Id")).isEqualTo("echo");
    HttpExchange exchange = seen.get();
    assertThat(exchange.getRequestMethod()).isEqualTo("POST");
    assertThat(exchange.getRequestHeaders().getFirst("Authorization"))
        .isEqualTo("Basic " + Base64.getEncoder().encodeToString("street:street".getBytes()));
    assertThat(exchange.getRequestHeaders().getFirst("X-Request-Id")).isEqualTo("req-1");
    assertThat(exchange.getRequestHeaders().getFirst("Content-Type")).isEqualTo("application/json");
    assertThat(new String(seenBody.get(), StandardCharsets.UTF_8))
        .contains("\"heldOn\":\"2026-11-28\"");
  }

  @Test
  void answersRefusalsAsResponsesNotExceptions() {
    LedgerResponse response = client.post("/problem", "{\"id\":\"x\"}");

    assertThat(response.status()).isEqualTo(409);
    assertThat(response.isSuccess()).isFalse();
    assertThat(response.text("detail")).isEqualTo("taken");
    assertThat(seen.get().getRequestHeaders().containsKey("Authorization")).isFalse();
  }

  @Test
  void uploadsAFileAndItsFieldsAsMultipart() {
    byte[] file = {1, 2, 3, (byte) 0xFF};

    client
        .as("c", "c")
        .upload(
            "/api/publish-events/p/evidence", "a.png", "image/png", file, Map.of("kind", "PHOTO"));

    String contentType = seen.get().getRequestHeaders().getFirst("Content-Type");
    assertThat(contentType).startsWith("multipart/form-data; boundary=");
    String boundary = contentType.substring(contentType.indexOf('=') + 1);
    String body = new String(seenBody.get(), StandardCharsets.ISO_8859_1);
    assertThat(body)
        .contains("Content-Disposition: form-data; name=\"kind\"\r\n\r\nPHOTO\r\n")
        .contains(
            "Content-Disposition: form-data; name=\"file\"; filename=\"a.png\"\r\nContent-Type: image/png\r\n\r\n\u0001\u0002\u0003\u00ff\r\n")
        .endsWith("--" + boundary + "--\r\n");
  }

  @Test
  void buildsQueryStringsLeavingOutNulls() {
    assertThat(LedgerClient.query(LedgerClient.params("unitId", "c 1", "type", null, "page", 0)))
        .isEqualTo("?unitId=c+1&page=0");
    assertThat(LedgerClient.query(Map.of())).isEmpty();
  }

  @Test
  void readsEntriesFromAnArrayOrAPageObject() {
    JsonNode array = LedgerClient.json().valueToTree(List.of(Map.of("eventId", "e1")));
    JsonNode page =
        LedgerClient.json()
            .valueToTree(Map.of("content", List.of(Map.of("eventId", "e1")), "totalElements", 1));

    assertThat(AuditTrail.entriesOf(array)).hasSize(1);
    assertThat(AuditTrail.entriesOf(page)).hasSize(1);
  }
}
