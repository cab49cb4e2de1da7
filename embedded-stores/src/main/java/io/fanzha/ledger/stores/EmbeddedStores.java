package io.fanzha.ledger.stores;

import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import org.h2.api.ErrorCode;
import org.h2.tools.Server;

/**
 * Starts the event store (H2 over TCP) and the read-model store (MongoDB wire protocol) on
 * localhost. With a data directory both keep their data on disk across restarts; without one they
 * live in memory, as tests want. Port 0 picks a free port.
 */
public final class EmbeddedStores implements AutoCloseable {

  public static final String EVENT_DATABASE = "events";
  public static final String MONGO_DATABASE = "fanzha";

  private final String baseDir;
  private final MongoBackend backend;
  private final int h2Port;
  private final int mongoPort;
  private final boolean persistent;
  private Server h2;
  private MongoServer mongo;
  // in-memory H2 databases are shared by name within a JVM, so each instance takes its own
  private final String memoryName = "events-" + java.util.UUID.randomUUID();

  private EmbeddedStores(
      Server h2, MongoServer mongo, String baseDir, MongoBackend backend, boolean persistent) {
    this.h2 = h2;
    this.mongo = mongo;
    this.baseDir = baseDir;
    this.backend = backend;
    this.h2Port = h2.getPort();
    this.mongoPort = mongo.getLocalAddress().getPort();
    this.persistent = persistent;
  }

  /** In memory, on free ports: for tests. */
  public static EmbeddedStores inMemory() {
    return start(null, 0, 0);
  }

  /**
   * @param dataDir where the data lives, or {@code null} to keep it in memory
   */
  public static EmbeddedStores start(Path dataDir, int h2Port, int mongoPort) {
    Server h2 = null;
    try {
      String baseDir;
      MongoBackend backend;
      if (dataDir != null) {
        Path events = Files.createDirectories(dataDir.resolve("eventstore"));
        Path readModels = Files.createDirectories(dataDir.resolve("mongo"));
        baseDir = events.toAbsolutePath().toString();
        backend = new H2Backend(readModels.resolve("fanzha.mv").toAbsolutePath().toString());
      } else {
        baseDir = Files.createTempDirectory("fanzha-h2").toString();
        backend = new MemoryBackend();
      }
      h2 = h2Server(h2Port, baseDir);
      MongoServer mongo = mongoServer(keptOpen(backend), mongoPort);
      return new EmbeddedStores(h2, mongo, baseDir, backend, dataDir != null);
    } catch (IOException e) {
      if (h2 != null) {
        h2.stop();
      }
      throw new UncheckedIOException(e);
    } catch (SQLException e) {
      throw new IllegalStateException("H2 TCP server did not start", e);
    }
  }

  private static Server h2Server(int port, String baseDir) throws SQLException {
    return Server.createTcpServer(
            "-tcpPort", String.valueOf(port), "-baseDir", baseDir, "-ifNotExists")
        .start();
  }

  private static MongoServer mongoServer(MongoBackend backend, int port) {
    MongoServer mongo = new MongoServer(backend);
    mongo.bind(new InetSocketAddress("127.0.0.1", port));
    return mongo;
  }

  /**
   * The backend for one server's life: a server that shuts down closes its backend, which would
   * drop the in-memory data; {@link #close} closes the real one.
   */
  private static MongoBackend keptOpen(MongoBackend backend) {
    return (MongoBackend)
        Proxy.newProxyInstance(
            MongoBackend.class.getClassLoader(),
            new Class<?>[] {MongoBackend.class},
            (proxy, method, args) -> {
              if (method.getName().equals("close") && method.getParameterCount() == 0) {
                return null;
              }
              try {
                return method.invoke(backend, args);
              } catch (InvocationTargetException e) {
                throw e.getCause();
              }
            });
  }

  public int h2Port() {
    return h2Port;
  }

  public int mongoPort() {
    return mongoPort;
  }

  /** The JDBC URL of the event store; in memory the database lives as long as the server. */
  public String jdbcUrl() {
    String db = persistent ? EVENT_DATABASE : "mem:" + memoryName + ";DB_CLOSE_DELAY=-1";
    return "jdbc:h2:tcp://localhost:" + h2Port() + "/" + db;
  }

  public String mongoUri() {
    return "mongodb://localhost:" + mongoPort() + "/" + MONGO_DATABASE;
  }

  /**
   * Stops the MongoDB stand-in only, as an outage would: its port closes and its clients are cut
   * off; the data (the backend) stays for {@link #startMongo}. The event store keeps running.
   */
  public synchronized void stopMongo() {
    mongo.shutdownNow();
  }

  /** Serves the same data on the same port again after {@link #stopMongo}. */
  public synchronized void startMongo() {
    mongo = mongoServer(keptOpen(backend), mongoPort);
  }

  /**
   * Stops the H2 TCP server only, as an outage would: its port closes and its sessions end. An
   * in-memory database outlives it ({@code DB_CLOSE_DELAY=-1}), a file database is on disk.
   */
  public synchronized void stopEventStore() {
    if (persistent) {
      // Closed here, at once, rather than by its last session: a file database still closing when
      // the server is back answers "already closed" to every new connection for a while.
      try (Connection connection = DriverManager.getConnection(jdbcUrl(), "sa", "");
          Statement statement = connection.createStatement()) {
        statement.execute("SHUTDOWN");
      } catch (SQLException e) {
        // the shutdown ends the very session that asked for it
        if (e.getErrorCode() != ErrorCode.DATABASE_CALLED_AT_SHUTDOWN
            && e.getErrorCode() != ErrorCode.DATABASE_IS_CLOSED
            && e.getErrorCode() != ErrorCode.CONNECTION_BROKEN_1) {
          throw new IllegalStateException("the event store did not shut down", e);
        }
      }
    }
    h2.stop();
  }

  /** Serves the same event store on the same port again after {@link #stopEventStore}. */
  public synchronized void startEventStore() {
    try {
      h2 = h2Server(h2Port, baseDir);
    } catch (SQLException e) {
      throw new IllegalStateException("H2 TCP server did not start again", e);
    }
    awaitOpen();
  }

  /** Back only when a session opens: the database is open again, not just the port. */
  private void awaitOpen() {
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (true) {
      try (Connection connection = DriverManager.getConnection(jdbcUrl(), "sa", "");
          Statement statement = connection.createStatement()) {
        statement.execute("SELECT 1");
        return;
      } catch (SQLException e) {
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException("the event store did not open again", e);
        }
        try {
          Thread.sleep(100);
        } catch (InterruptedException interrupted) {
          Thread.currentThread().interrupt();
          throw new IllegalStateException("interrupted while the event store opened", e);
        }
      }
    }
  }

  @Override
  public synchronized void close() {
    mongo.shutdown();
    backend.close();
    h2.stop();
  }
}
