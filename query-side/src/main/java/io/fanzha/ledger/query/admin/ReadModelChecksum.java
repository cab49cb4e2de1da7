package io.fanzha.ledger.query.admin;

import io.fanzha.ledger.query.CollectionNames;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.bson.Document;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * SHA-256 over a read model's documents: collection by collection in the order given, each
 * document's {@code _id} order, each document as JSON with its keys sorted and its arrays' elements
 * sorted, so that two read models with equal content have equal checksums whatever order their
 * fields and set elements were written in.
 */
@Component
class ReadModelChecksum {

  private final MongoTemplate mongo;

  ReadModelChecksum(MongoTemplate mongo) {
    this.mongo = mongo;
  }

  /** The checksum and how many documents it covers. */
  record Sum(String sha256, long documents) {}

  /**
   * Hashes each collection under its own name, reading it where {@code generation} keeps it, so
   * that two generations with equal content have equal checksums. Streams the documents: the audit
   * trail of a large year does not fit in memory at once.
   */
  Sum of(List<String> collections, CollectionNames generation) {
    MessageDigest sha256 = sha256();
    long documents = 0;
    for (String collection : collections) {
      sha256.update(collection.getBytes(StandardCharsets.UTF_8));
      sha256.update((byte) 0);
      try (Stream<Document> all =
          mongo.stream(
              new Query().with(Sort.by(Sort.Direction.ASC, "_id")),
              Document.class,
              generation.of(collection))) {
        for (Document document : (Iterable<Document>) all::iterator) {
          sha256.update(new Document(sorted(document)).toJson().getBytes(StandardCharsets.UTF_8));
          sha256.update((byte) '\n');
          documents++;
        }
      }
    }
    return new Sum(HexFormat.of().formatHex(sha256.digest()), documents);
  }

  private static Map<String, Object> sorted(Map<String, Object> document) {
    Map<String, Object> sorted = new TreeMap<>();
    document.forEach((key, value) -> sorted.put(key, sortedValue(value)));
    return sorted;
  }

  @SuppressWarnings("unchecked")
  private static Object sortedValue(Object value) {
    if (value instanceof Map<?, ?> map) {
      return new Document(sorted((Map<String, Object>) map));
    }
    if (value instanceof Collection<?> list) {
      // every array a projection builds is a set ($addToSet): a live processor appends an event
      // that filled a gap in the log after later ones, a rebuild in log order
      // each element serialised once, not at every comparison: this runs while a processor waits
      return list.stream()
          .map(ReadModelChecksum::sortedValue)
          .map(element -> Map.entry(asJson(element), element))
          .sorted(Map.Entry.comparingByKey())
          .map(Map.Entry::getValue)
          .toList();
    }
    return value;
  }

  private static String asJson(Object value) {
    return value instanceof Document document
        ? document.toJson()
        : new Document("v", value).toJson();
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException impossible) {
      throw new IllegalStateException(impossible);
    }
  }
}
