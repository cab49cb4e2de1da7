package io.fanzha.ledger.stores;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * Stops and starts one store of {@link EmbeddedStores} on request, for outage tests: a line {@code
 * stop event-store}, {@code start event-store}, {@code stop mongo} or {@code start mongo} per
 * connection on localhost, answered {@code ok} once done (or {@code error …}).
 */
final class StoresControl {

  private final EmbeddedStores stores;
  private final ServerSocket socket;

  StoresControl(EmbeddedStores stores, int port) {
    this.stores = stores;
    try {
      this.socket = new ServerSocket(port, 8, InetAddress.getLoopbackAddress());
    } catch (IOException e) {
      throw new UncheckedIOException("the stores' control port did not open", e);
    }
    Thread serve = new Thread(this::serve, "stores-control");
    serve.setDaemon(true);
    serve.start();
  }

  int port() {
    return socket.getLocalPort();
  }

  private void serve() {
    while (!socket.isClosed()) {
      try (Socket client = socket.accept();
          BufferedReader in =
              new BufferedReader(
                  new InputStreamReader(client.getInputStream(), StandardCharsets.UTF_8));
          PrintWriter out =
              new PrintWriter(client.getOutputStream(), true, StandardCharsets.UTF_8)) {
        String line = in.readLine();
        out.println(apply(line == null ? "" : line.trim()));
      } catch (IOException e) {
        // a client that went away: wait for the next
      }
    }
  }

  String apply(String command) {
    try {
      switch (command) {
        case "stop event-store" -> stores.stopEventStore();
        case "start event-store" -> stores.startEventStore();
        case "stop mongo" -> stores.stopMongo();
        case "start mongo" -> stores.startMongo();
        default -> {
          return "error unknown command";
        }
      }
      System.out.println("stores-control: " + command);
      return "ok";
    } catch (RuntimeException e) {
      return "error " + e.getMessage();
    }
  }
}
