package io.fanzha.ledger.harness.bench;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.InsertManyOptions;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import org.bson.Document;

/**
 * The read-model store's own write rate: documents shaped like an audit entry (the one document a
 * rebuild writes for every event) inserted in ordered bulks of the rebuild's batch size into a
 * scratch collection with the audit collection's unique position index. A rebuild writes at least
 * that document per event, so it cannot run faster than this.
 */
final class RawMongoInsert {

  /** The rebuild's batch: {@code ReadModelWriter.BATCH} on the query side. */
  static final int BATCH = 2_000;

  private RawMongoInsert() {}

  /** Inserts {@code rows} documents and answers the rate in documents per second. */
  static double documentsPerSecond(String mongoUri, long rows) {
    try (MongoClient client = MongoClients.create(mongoUri)) {
      MongoCollection<Document> scratch =
          client.getDatabase("fanzha_bench_raw").getCollection("audit_like");
      scratch.drop();
      scratch.createIndex(Indexes.ascending("position"), new IndexOptions().unique(true));
      try {
        Date at = new Date();
        List<Document> bulk = new ArrayList<>(BATCH);
        long begin = System.nanoTime();
        for (long i = 0; i < rows; i++) {
          bulk.add(auditLike(i, at));
          if (bulk.size() == BATCH || i + 1 == rows) {
            scratch.insertMany(bulk, new InsertManyOptions().ordered(true));
            bulk.clear();
          }
        }
        return rows / ((System.nanoTime() - begin) / 1e9);
      } finally {
        scratch.drop();
      }
    }
  }

  private static Document auditLike(long position, Date at) {
    String unit = "c" + (position % 30);
    return new Document("_id", UUID.randomUUID().toString())
        .append("position", position)
        .append("type", "PublishEventHeld")
        .append("aggregateId", "pe-" + position)
        .append("aggregateType", "PublishEvent")
        .append("sequence", 0L)
        .append("occurredAt", at)
        .append("actor", "dh-" + unit)
        .append("role", "COMMUNITY")
        .append("unitId", unit)
        .append("requestId", UUID.randomUUID().toString())
        .append("clientAddress", "127.0.0.1")
        .append("unitIds", List.of(unit))
        .append(
            "payload",
            new Document("publishEventId", "pe-" + position)
                .append("campaignId", "fz")
                .append("unitId", unit)
                .append("heldOn", "2027-03-05")
                .append("location", new Document("name", "东湖公园").append("kind", "PARK"))
                .append("formats", List.of("LEAFLET"))
                .append("targetGroups", List.of("ELDERLY"))
                .append("audienceCount", 120)
                .append("description", "在东湖公园开展防范电信网络诈骗宣传，重点提示群众警惕刷单返利类诈骗。"))
        .append(
            "metadata",
            new Document("actor", "dh-" + unit)
                .append("role", "COMMUNITY")
                .append("unitId", unit)
                .append("clientAddress", "127.0.0.1"));
  }
}
