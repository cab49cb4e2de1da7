package io.fanzha.ledger.platform.pipl;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.bson.Document;
import org.bson.types.Binary;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * The key store: one AES-256 key per data subject in {@code personal_data_keys}. A subject is named
 * by a keyed hash of the phone number the person gave, so the store never holds the number and a
 * person asking for erasure is found by it. The hash's own key is generated once and kept beside
 * the keys: erasing a subject's key is what makes the data unreadable, not the hash.
 */
@Component
public class PersonalDataKeys {

  /** What a reader sees where a field's subject was erased. */
  public static final String ERASED = "已删除";

  static final String COLLECTION = "personal_data_keys";
  private static final String NAMING_KEY = "subject-naming-key";
  private static final SecureRandom RANDOM = new SecureRandom();

  private final MongoTemplate mongo;
  private volatile byte[] namingKey;

  public PersonalDataKeys(MongoTemplate mongo) {
    this.mongo = mongo;
  }

  /** The data subject of a phone number: the same number in any notation gives the same one. */
  public String subjectOf(String phone) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(namingKey(), "HmacSHA256"));
      byte[] digest = mac.doFinal(normalised(phone).getBytes(StandardCharsets.UTF_8));
      return "ds-" + HexFormat.of().formatHex(digest, 0, 16);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Digits only, without China's country code. */
  static String normalised(String phone) {
    String digits = phone.replaceAll("\\D", "");
    if (digits.length() == 13 && digits.startsWith("86")) {
      return digits.substring(2);
    }
    return digits;
  }

  /** The subject's key, made on first use. */
  public byte[] keyFor(String subject) {
    Document found =
        mongo.findAndModify(
            query(where("_id").is(subject)),
            new Update()
                .setOnInsert("key", new Binary(randomKey()))
                .setOnInsert("createdAt", Instant.now()),
            FindAndModifyOptions.options().upsert(true).returnNew(true),
            Document.class,
            COLLECTION);
    return found.get("key", Binary.class).getData();
  }

  /** The subject's key unless it was erased (or never made). */
  public Optional<byte[]> existingKey(String subject) {
    Document found = mongo.findById(subject, Document.class, COLLECTION);
    return Optional.ofNullable(found).map(d -> d.get("key", Binary.class).getData());
  }

  /** Deletes the subject's key; true when there was one. */
  public boolean erase(String subject) {
    return mongo.remove(query(where("_id").is(subject)), COLLECTION).getDeletedCount() > 0;
  }

  private byte[] namingKey() {
    byte[] key = namingKey;
    if (key == null) {
      Document found = mongo.findById(NAMING_KEY, Document.class, COLLECTION);
      if (found == null) {
        try {
          mongo.insert(
              new Document("_id", NAMING_KEY).append("key", new Binary(randomKey())), COLLECTION);
        } catch (DuplicateKeyException anotherInstanceWasFirst) {
          // fine: read theirs
        }
        found = mongo.findById(NAMING_KEY, Document.class, COLLECTION);
      }
      key = found.get("key", Binary.class).getData();
      namingKey = key;
    }
    return key;
  }

  private static byte[] randomKey() {
    byte[] key = new byte[32];
    RANDOM.nextBytes(key);
    return key;
  }
}
