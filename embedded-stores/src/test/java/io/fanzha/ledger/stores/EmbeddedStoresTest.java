package io.fanzha.ledger.stores;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
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
}
