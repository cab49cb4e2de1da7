package io.fanzha.ledger.stores;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * Runs the embedded stores as a process of their own, as ./run does. Arguments: {@code --data=DIR}
 * (omit for memory), {@code --h2-port=N}, {@code --mongo-port=N}. Prints one line starting with
 * {@code stores-ready} once both listen, and stops both on SIGTERM or Ctrl-C.
 *
 * <p>{@code --control-port=N} (off unless given; 0 picks a free port, printed as {@code
 * stores-control port=N} before the ready line) listens on localhost for one line per connection,
 * {@code stop|start event-store|mongo}, and answers {@code ok}: {@code ./torture} stops one store
 * while the other runs, as an outage would.
 */
public final class EmbeddedStoresMain {

  private EmbeddedStoresMain() {}

  public static void main(String[] args) throws InterruptedException {
    Map<String, String> options = new HashMap<>();
    for (String arg : args) {
      int eq = arg.indexOf('=');
      if (arg.startsWith("--") && eq > 2) {
        options.put(arg.substring(2, eq), arg.substring(eq + 1));
      } else {
        throw new IllegalArgumentException("unknown argument: " + arg);
      }
    }
    String data = options.get("data");
    EmbeddedStores stores =
        EmbeddedStores.start(
            data == null ? null : Path.of(data),
            Integer.parseInt(options.getOrDefault("h2-port", "9092")),
            Integer.parseInt(options.getOrDefault("mongo-port", "27017")));
    if (options.containsKey("control-port")) {
      StoresControl control =
          new StoresControl(stores, Integer.parseInt(options.get("control-port")));
      System.out.println("stores-control port=" + control.port());
    }
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  stores.close();
                  stopped.countDown();
                }));
    System.out.println("stores-ready jdbc=" + stores.jdbcUrl() + " mongo=" + stores.mongoUri());
    System.out.flush();
    stopped.await();
  }
}
