package io.fanzha.ledger.command.publishevent;

import com.mongodb.client.gridfs.GridFSBucket;
import com.mongodb.client.gridfs.GridFSBuckets;
import com.mongodb.client.gridfs.model.GridFSUploadOptions;
import com.mongodb.client.model.Filters;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Set;
import org.apache.tika.Tika;
import org.bson.BsonString;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.MongoDatabaseFactory;
import org.springframework.stereotype.Component;

/**
 * Evidence bytes in MongoDB GridFS, named by publicity event and content hash. The media type is
 * read from the bytes themselves, never from what the client claims; only JPEG, PNG and PDF are
 * kept.
 */
@Component
public class EvidenceStore {

  public static final Set<String> ACCEPTED = Set.of("image/jpeg", "image/png", "application/pdf");
  private static final Logger log = LoggerFactory.getLogger(EvidenceStore.class);

  private final MongoDatabaseFactory mongo;
  private final Tika tika = new Tika();

  public EvidenceStore(MongoDatabaseFactory mongo) {
    this.mongo = mongo;
  }

  /** What an uploaded file turned out to be. */
  public record Inspected(String sha256, long size, String mediaType) {}

  /** Hashes and sniffs a file without keeping it. */
  public Inspected inspect(Path file) {
    try (InputStream in = Files.newInputStream(file);
        DigestInputStream digesting =
            new DigestInputStream(in, MessageDigest.getInstance("SHA-256"))) {
      digesting.transferTo(OutputStream.nullOutputStream());
      String sha256 = HexFormat.of().formatHex(digesting.getMessageDigest().digest());
      return new Inspected(sha256, Files.size(file), tika.detect(file));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (NoSuchAlgorithmException impossible) {
      throw new IllegalStateException(impossible);
    }
  }

  public static String storageRef(String publishEventId, String sha256) {
    return "evidence/" + publishEventId + "/" + sha256;
  }

  /**
   * Stores the bytes under {@code storageRef} unless they are there already.
   *
   * @return true when this call stored them
   */
  public boolean storeIfAbsent(String storageRef, Path file, Inspected inspected) {
    GridFSBucket bucket = bucket();
    if (bucket.find(Filters.eq("_id", storageRef)).first() != null) {
      return false;
    }
    try (InputStream in = Files.newInputStream(file)) {
      Document metadata =
          new Document("sha256", inspected.sha256()).append("mediaType", inspected.mediaType());
      bucket.uploadFromStream(
          new BsonString(storageRef), storageRef, in, new GridFSUploadOptions().metadata(metadata));
      log.info("evidence stored: {} bytes, {}", inspected.size(), inspected.mediaType());
      return true;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Removes bytes that no recorded fact refers to (the command that would have was refused). */
  public void delete(String storageRef) {
    bucket().delete(new BsonString(storageRef));
  }

  public InputStream open(String storageRef) {
    return bucket().openDownloadStream(new BsonString(storageRef));
  }

  private GridFSBucket bucket() {
    return GridFSBuckets.create(mongo.getMongoDatabase(), "evidence");
  }
}
