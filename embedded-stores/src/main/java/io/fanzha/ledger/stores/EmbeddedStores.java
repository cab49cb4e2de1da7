package io.fanzha.ledger.stores;

import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import org.h2.tools.Server;

/**
 * Starts the event store (H2 over TCP) and the read-model store (MongoDB wire protocol) on
 * localhost. With a data directory both keep their data on disk across restarts; without one they
 * live in memory, as tests want. Port 0 picks a free port.
 */
public final class EmbeddedStores implements AutoCloseable {

  public static final String EVENT_DATABASE = "events";
  public static final String MONGO_DATABASE = "fanzha";

  private final Server h2;
  private final MongoServer mongo;
  private final boolean persistent;
  // in-memory H2 databases are shared by name within a JVM, so each instance takes its own
  private final String memoryName = "events-" + java.util.UUID.randomUUID();

  private EmbeddedStores(Server h2, MongoServer mongo, boolean persistent) {
    this.h2 = h2;
    this.mongo = mongo;
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
      h2 =
          Server.createTcpServer(
                  "-tcpPort", String.valueOf(h2Port), "-baseDir", baseDir, "-ifNotExists")
              .start();
      MongoServer mongo = new MongoServer(backend);
      mongo.bind(new InetSocketAddress("127.0.0.1", mongoPort));
      return new EmbeddedStores(h2, mongo, dataDir != null);
    } catch (IOException e) {
      if (h2 != null) {
        h2.stop();
      }
      throw new UncheckedIOException(e);
    } catch (SQLException e) {
      throw new IllegalStateException("H2 TCP server did not start", e);
    }
  }

  public int h2Port() {
    return h2.getPort();
  }

  public int mongoPort() {
    return mongo.getLocalAddress().getPort();
  }

  /** The JDBC URL of the event store; in memory the database lives as long as the server. */
  public String jdbcUrl() {
    String db = persistent ? EVENT_DATABASE : "mem:" + memoryName + ";DB_CLOSE_DELAY=-1";
    return "jdbc:h2:tcp://localhost:" + h2Port() + "/" + db;
  }

  public String mongoUri() {
    return "mongodb://localhost:" + mongoPort() + "/" + MONGO_DATABASE;
  }

  /** Stops the MongoDB stand-in only, as an outage would; the event store keeps running. */
  public void stopMongo() {
    mongo.shutdownNow();
  }

  @Override
  public void close() {
    mongo.shutdown();
    h2.stop();
  }
}
