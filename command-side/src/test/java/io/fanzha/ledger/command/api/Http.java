package io.fanzha.ledger.command.api;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.UUID;

/** A plain HTTP client for the tests: Basic auth, JSON and multipart, no Spring in between. */
final class Http {

  record Answer(int status, String contentType, String body) {}

  private final HttpClient client = HttpClient.newHttpClient();
  private final String base;

  Http(int port) {
    this.base = "http://localhost:" + port;
  }

  Answer postJson(String user, String path, String json) {
    return postJson(user, path, json, null);
  }

  Answer postJson(String user, String path, String json, String requestId) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(base + path))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8));
    auth(request, user);
    if (requestId != null) {
      request.header("X-Request-Id", requestId);
    }
    return send(request.build());
  }

  /** A POST without a body. */
  Answer post(String user, String path) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(base + path)).POST(HttpRequest.BodyPublishers.noBody());
    auth(request, user);
    return send(request.build());
  }

  Answer putJson(String user, String path, String json) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(base + path))
            .header("Content-Type", "application/json")
            .PUT(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8));
    auth(request, user);
    return send(request.build());
  }

  Answer upload(String user, String path, byte[] file, String fileName, String kind) {
    String boundary = "----fanzha" + UUID.randomUUID();
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    try {
      if (file != null) {
        body.write(
            ("--"
                    + boundary
                    + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\""
                    + fileName
                    + "\"\r\nContent-Type: application/octet-stream\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8));
        body.write(file);
        body.write("\r\n".getBytes(StandardCharsets.UTF_8));
      }
      if (kind != null) {
        body.write(
            ("--"
                    + boundary
                    + "\r\nContent-Disposition: form-data; name=\"kind\"\r\n\r\n"
                    + kind
                    + "\r\n")
                .getBytes(StandardCharsets.UTF_8));
      }
      body.write(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(base + path))
            .header("Content-Type", "multipart/form-data; boundary=" + boundary)
            .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()));
    auth(request, user);
    return send(request.build());
  }

  Answer get(String user, String path) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).GET();
    auth(request, user);
    return send(request.build());
  }

  private static void auth(HttpRequest.Builder request, String user) {
    if (user != null) {
      String[] pair = user.split(":", 2);
      String credentials = pair[0] + ":" + (pair.length > 1 ? pair[1] : pair[0]);
      request.header(
          "Authorization",
          "Basic "
              + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
    }
  }

  private Answer send(HttpRequest request) {
    try {
      HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
      return new Answer(
          response.statusCode(),
          response.headers().firstValue("Content-Type").orElse(""),
          response.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
