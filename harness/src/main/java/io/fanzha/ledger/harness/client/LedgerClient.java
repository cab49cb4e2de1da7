package io.fanzha.ledger.harness.client;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Calls the ledger's HTTP API as one user. Immutable: {@link #as} and {@link #withRequestId} give a
 * new client. Bodies are serialised with Jackson (records, maps and trees alike; dates as {@code
 * YYYY-MM-DD}); answers come back as a {@link LedgerResponse}, whatever their status.
 */
public final class LedgerClient {

  private static final ObjectMapper JSON =
      JsonMapper.builder()
          .addModule(new JavaTimeModule())
          .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
          .build();

  // One connection pool for every client of this JVM; HTTP/1.1 so no h2c upgrade is attempted.
  private static final HttpClient HTTP =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();

  private final URI base;
  private final String authorization;
  private final String requestId;
  private final Duration timeout;

  private LedgerClient(URI base, String authorization, String requestId, Duration timeout) {
    this.base = Objects.requireNonNull(base, "base");
    this.authorization = authorization;
    this.requestId = requestId;
    this.timeout = timeout;
  }

  /** An anonymous client of the application at {@code base}, e.g. {@code http://localhost:8080}. */
  public static LedgerClient of(URI base) {
    return new LedgerClient(base, null, null, Duration.ofSeconds(30));
  }

  /** The mapper the client writes and reads JSON with. */
  public static ObjectMapper json() {
    return JSON;
  }

  /** The same client acting as {@code username} through HTTP Basic. */
  public LedgerClient as(String username, String password) {
    String token =
        Base64.getEncoder()
            .encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
    return new LedgerClient(base, "Basic " + token, requestId, timeout);
  }

  /** The same client presenting an OAuth2 bearer token (profile {@code jwt}). */
  public LedgerClient withBearer(String token) {
    return new LedgerClient(base, "Bearer " + token, requestId, timeout);
  }

  /** The same client sending {@code X-Request-Id: requestId} with every request. */
  public LedgerClient withRequestId(String requestId) {
    return new LedgerClient(base, authorization, requestId, timeout);
  }

  public LedgerClient withTimeout(Duration timeout) {
    return new LedgerClient(base, authorization, requestId, timeout);
  }

  public URI base() {
    return base;
  }

  public LedgerResponse get(String path) {
    return send(request(path).GET());
  }

  public LedgerResponse get(String path, String accept) {
    return send(request(path).header("Accept", accept).GET());
  }

  public LedgerResponse post(String path, Object body) {
    return send(jsonRequest(path, body, "POST"));
  }

  public LedgerResponse delete(String path) {
    return send(request(path).DELETE());
  }

  public LedgerResponse put(String path, Object body) {
    return send(jsonRequest(path, body, "PUT"));
  }

  /**
   * Sends {@code multipart/form-data}: the file as part {@code file}, then each of {@code fields}
   * as a text part.
   */
  public LedgerResponse upload(
      String path, String fileName, String mediaType, byte[] bytes, Map<String, String> fields) {
    String boundary = "ledger-" + UUID.randomUUID();
    ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length + 512);
    for (Map.Entry<String, String> field : fields.entrySet()) {
      write(out, "--" + boundary + "\r\n");
      write(out, "Content-Disposition: form-data; name=\"" + field.getKey() + "\"\r\n\r\n");
      write(out, field.getValue() + "\r\n");
    }
    write(out, "--" + boundary + "\r\n");
    write(
        out,
        "Content-Disposition: form-data; name=\"file\"; filename=\""
            + fileName.replace("\"", "")
            + "\"\r\n");
    write(out, "Content-Type: " + mediaType + "\r\n\r\n");
    out.writeBytes(bytes);
    write(out, "\r\n--" + boundary + "--\r\n");
    return send(
        request(path)
            .header("Content-Type", "multipart/form-data; boundary=" + boundary)
            .POST(HttpRequest.BodyPublishers.ofByteArray(out.toByteArray())));
  }

  /** {@code ?k=v&…} with each value URL-encoded; entries with a {@code null} value are left out. */
  public static String query(Map<String, ?> parameters) {
    String joined =
        parameters.entrySet().stream()
            .filter(e -> e.getValue() != null)
            .map(
                e ->
                    URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8)
                        + "="
                        + URLEncoder.encode(String.valueOf(e.getValue()), StandardCharsets.UTF_8))
            .collect(Collectors.joining("&"));
    return joined.isEmpty() ? "" : "?" + joined;
  }

  /** A map keeping the order of its pairs, for {@link #query}: {@code params("a", 1, "b", 2)}. */
  public static Map<String, Object> params(Object... pairs) {
    Map<String, Object> map = new LinkedHashMap<>();
    for (int i = 0; i + 1 < pairs.length; i += 2) {
      map.put(String.valueOf(pairs[i]), pairs[i + 1]);
    }
    return map;
  }

  /**
   * Waits until the server accepts this client's credentials: the demo accounts are opened right
   * after an application reports healthy. Probes with a GET that no role may call, which answers
   * 401 for unknown credentials and 403 (or 404, 405) for known ones.
   */
  public static void awaitLogin(LedgerClient client, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      int status;
      try {
        status = client.get("/api/login-probe").status();
      } catch (RuntimeException notListening) {
        status = 0;
      }
      if (status != 401 && status != 0) {
        return;
      }
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException(
            "the credentials were not accepted within " + timeout.toSeconds() + " s");
      }
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while waiting to log in", e);
      }
    }
  }

  private HttpRequest.Builder jsonRequest(String path, Object body, String method) {
    byte[] json;
    try {
      json =
          body instanceof String s
              ? s.getBytes(StandardCharsets.UTF_8)
              : JSON.writeValueAsBytes(body);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("body cannot be written as JSON", e);
    }
    return request(path)
        .header("Content-Type", "application/json")
        .method(method, HttpRequest.BodyPublishers.ofByteArray(json));
  }

  private HttpRequest.Builder request(String path) {
    HttpRequest.Builder builder =
        HttpRequest.newBuilder(base.resolve(path))
            .timeout(timeout)
            .header("Accept", "application/json, application/problem+json");
    if (authorization != null) {
      builder.header("Authorization", authorization);
    }
    if (requestId != null) {
      builder.header("X-Request-Id", requestId);
    }
    return builder;
  }

  private LedgerResponse send(HttpRequest.Builder builder) {
    HttpRequest request = builder.build();
    try {
      HttpResponse<byte[]> response = HTTP.send(request, HttpResponse.BodyHandlers.ofByteArray());
      return new LedgerResponse(response.statusCode(), parse(response.body()), response.headers());
    } catch (IOException e) {
      throw new UncheckedIOException(request.method() + " " + request.uri() + " failed", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted during " + request.uri(), e);
    }
  }

  private static JsonNode parse(byte[] body) {
    if (body == null || body.length == 0) {
      return MissingNode.getInstance();
    }
    try {
      return JSON.readTree(body);
    } catch (IOException notJson) {
      return TextNode.valueOf(new String(body, StandardCharsets.UTF_8));
    }
  }

  private static void write(ByteArrayOutputStream out, String text) {
    out.writeBytes(text.getBytes(StandardCharsets.UTF_8));
  }
}
