package io.fanzha.ledger.harness.torture;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * HTTP/1.1 over a plain socket, one connection per request: the JDK's client refuses to send much
 * of what a hostile caller sends (control characters in headers, raw request targets, restricted
 * headers). Writes the request as given, reads the answer until the server closes.
 */
final class RawHttp {

  /**
   * What came back: the status ({@code 0} when the server closed without answering), the headers by
   * lower-case name (first value) and the body (de-chunked).
   */
  record Answer(int status, Map<String, String> headers, byte[] body) {

    String header(String name) {
      return headers.get(name.toLowerCase(Locale.ROOT));
    }

    String text() {
      return new String(body, StandardCharsets.UTF_8);
    }
  }

  private static final int MAX_ANSWER = 8 << 20;

  private RawHttp() {}

  static Answer send(String host, int port, HostileRequest request, Duration timeout)
      throws IOException {
    ByteArrayOutputStream head = new ByteArrayOutputStream(512);
    write(head, request.method() + " " + request.target() + " HTTP/1.1\r\n");
    write(head, "Host: " + host + ":" + port + "\r\n");
    write(head, "Connection: close\r\n");
    for (Map.Entry<String, String> header : request.headers()) {
      write(head, header.getKey() + ": " + header.getValue() + "\r\n");
    }
    write(head, "Content-Length: " + request.body().length + "\r\n\r\n");
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(host, port), (int) timeout.toMillis());
      socket.setSoTimeout((int) timeout.toMillis());
      OutputStream out = socket.getOutputStream();
      try {
        out.write(head.toByteArray());
        out.write(request.body());
        out.flush();
      } catch (IOException closedEarly) {
        // a server may answer (413, 400) and close before reading the whole body: read the answer
      }
      byte[] raw = readAll(socket.getInputStream(), System.nanoTime() + timeout.toNanos());
      return parse(raw);
    }
  }

  /**
   * Reads to the end of the answer, or what came by {@code deadline}: a stream that never ends (the
   * dashboard's server-sent events, with a heartbeat within every read timeout) is cut there.
   */
  private static byte[] readAll(InputStream in, long deadline) throws IOException {
    ByteArrayOutputStream all = new ByteArrayOutputStream(4096);
    byte[] buffer = new byte[16384];
    try {
      int n;
      while ((n = in.read(buffer)) >= 0 && all.size() < MAX_ANSWER) {
        all.write(buffer, 0, n);
        if (System.nanoTime() > deadline || isEventStream(all.toByteArray())) {
          break;
        }
      }
    } catch (SocketTimeoutException e) {
      throw e;
    } catch (IOException reset) {
      // a reset after the answer was written still leaves the answer
    }
    return all.toByteArray();
  }

  /** An answer whose head is in and names a server-sent event stream: its body never ends. */
  private static boolean isEventStream(byte[] raw) {
    int end = indexOf(raw, "\r\n\r\n".getBytes(StandardCharsets.US_ASCII), 0);
    return end >= 0
        && new String(raw, 0, end, StandardCharsets.ISO_8859_1)
            .toLowerCase(Locale.ROOT)
            .contains("content-type: text/event-stream");
  }

  private static Answer parse(byte[] raw) {
    int end = indexOf(raw, "\r\n\r\n".getBytes(StandardCharsets.US_ASCII), 0);
    if (end < 0) {
      return new Answer(0, Map.of(), raw);
    }
    String[] lines = new String(raw, 0, end, StandardCharsets.ISO_8859_1).split("\r\n");
    String[] statusLine = lines[0].split(" ", 3);
    int status;
    try {
      status = statusLine.length > 1 ? Integer.parseInt(statusLine[1]) : 0;
    } catch (NumberFormatException e) {
      status = 0;
    }
    Map<String, String> headers = new LinkedHashMap<>();
    for (int i = 1; i < lines.length; i++) {
      int colon = lines[i].indexOf(':');
      if (colon > 0) {
        headers.putIfAbsent(
            lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT),
            lines[i].substring(colon + 1).trim());
      }
    }
    byte[] body = java.util.Arrays.copyOfRange(raw, end + 4, raw.length);
    if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
      body = dechunk(body);
    }
    return new Answer(status, headers, body);
  }

  private static byte[] dechunk(byte[] chunked) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(chunked.length);
    int at = 0;
    while (at < chunked.length) {
      int lineEnd = indexOf(chunked, "\r\n".getBytes(StandardCharsets.US_ASCII), at);
      if (lineEnd < 0) {
        break;
      }
      String size = new String(chunked, at, lineEnd - at, StandardCharsets.US_ASCII).trim();
      int semicolon = size.indexOf(';');
      int length;
      try {
        length = Integer.parseInt(semicolon < 0 ? size : size.substring(0, semicolon), 16);
      } catch (NumberFormatException e) {
        break;
      }
      if (length == 0) {
        break;
      }
      int from = lineEnd + 2;
      int to = Math.min(chunked.length, from + length);
      out.write(chunked, from, to - from);
      at = to + 2;
    }
    return out.toByteArray();
  }

  private static int indexOf(byte[] haystack, byte[] needle, int from) {
    outer:
    for (int i = from; i <= haystack.length - needle.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (haystack[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }

  private static void write(ByteArrayOutputStream out, String text) {
    // headers as UTF-8 on purpose: hostile values carry bytes beyond Latin-1
    out.writeBytes(text.getBytes(StandardCharsets.UTF_8));
  }
}
