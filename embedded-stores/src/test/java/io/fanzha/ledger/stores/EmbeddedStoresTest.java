package io.fanzha.ledger.stores;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedStoresTest {

  @Test
  void persistentStoresKeepTheirDataAcrossARestart(@TempDir Path data) throws Exception {
    // Given stores on disk holding a row and a document
    try (EmbeddedStores stores = EmbeddedStores.start(data, 0, 0)) {
      try (Connection c = DriverManager.getConnection(stores.jdbcUrl(), "sa", "");
          Statement s = c.createStatement()) {
        s.execute("CREATE TABLE fact (id VARCHAR(10) PRIMARY KEY)");
        s.execute("INSERT INTO fact VALUES ('kept')");
      }
      try (MongoClient mongo = MongoClients.create(stores.mongoUri())) {
        mongo.getDatabase("fanzha").getCollection("c").insertOne(new Document("_id", "kept"));
      }
    }

    // When they start again on the same directory
    try (EmbeddedStores stores = EmbeddedStores.start(data, 0, 0)) {
      // Then both still hold what was written
      try (Connection c = DriverManager.getConnection(stores.jdbcUrl(), "sa", "");
          Statement s = c.createStatement();
          ResultSet rs = s.executeQuery("SELECT id FROM fact")) {
        assertThat(rs.next()).isTrue();
        assertThat(rs.getString(1)).isEqualTo("kept");
      }
      try (MongoClient mongo = MongoClients.create(stores.mongoUri())) {
        assertThat(mongo.getDatabase("fanzha").getCollection("c").find().first())
            .containsEntry("_id", "kept");
      }
    }
  }

  @Test
  void inMemoryStoresListenOnFreePorts() {
    try (EmbeddedStores a = EmbeddedStores.inMemory();
        EmbeddedStores b = EmbeddedStores.inMemory()) {
      assertThat(a.h2Port()).isNotEqualTo(b.h2Port());
      assertThat(a.mongoPort()).isNotEqualTo(b.mongoPort());
    }
  }

  @Test
  void eachStoreStopsAloneAndServesTheSameDataWhenItStartsAgain() throws Exception {
    try (EmbeddedStores stores = EmbeddedStores.inMemory()) {
      // Given a row in the event store and a document in the MongoDB stand-in
      try (Connection c = DriverManager.getConnection(stores.jdbcUrl(), "sa", "");
          Statement s = c.createStatement()) {
        s.execute("CREATE TABLE fact (id VARCHAR(10) PRIMARY KEY)");
        s.execute("INSERT INTO fact VALUES ('kept')");
      }
      try (MongoClient mongo = MongoClients.create(stores.mongoUri())) {
        mongo.getDatabase("fanzha").getCollection("c").insertOne(new Document("_id", "kept"));
      }
      StoresControl control = new StoresControl(stores, 0);

      // When the event store stops, it refuses connections while MongoDB still answers
      assertThat(control.apply("stop event-store")).isEqualTo("ok");
      assertThatThrownBy(() -> DriverManager.getConnection(stores.jdbcUrl(), "sa", "").close())
          .isInstanceOf(SQLException.class);
      try (MongoClient mongo = MongoClients.create(stores.mongoUri())) {
        assertThat(mongo.getDatabase("fanzha").getCollection("c").countDocuments()).isOne();
      }
      // and MongoDB stopped too, then both started again, on the same ports
      assertThat(control.apply("stop mongo")).isEqualTo("ok");
      assertThat(control.apply("start event-store")).isEqualTo("ok");
      assertThat(control.apply("start mongo")).isEqualTo("ok");

      // Then both serve what was written before the outage
      try (Connection c = DriverManager.getConnection(stores.jdbcUrl(), "sa", "");
          Statement s = c.createStatement();
          ResultSet rs = s.executeQuery("SELECT id FROM fact")) {
        assertThat(rs.next()).isTrue();
        assertThat(rs.getString(1)).isEqualTo("kept");
      }
      try (MongoClient mongo = MongoClients.create(stores.mongoUri())) {
        assertThat(mongo.getDatabase("fanzha").getCollection("c").find().first())
            .containsEntry("_id", "kept");
      }
      assertThat(control.apply("restart everything")).startsWith("error");
    }
  }
}
