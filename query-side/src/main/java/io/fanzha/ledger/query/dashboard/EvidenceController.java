package io.fanzha.ledger.query.dashboard;

import com.mongodb.MongoGridFSException;
import com.mongodb.client.gridfs.GridFSBuckets;
import com.mongodb.client.gridfs.GridFSDownloadStream;
import io.fanzha.ledger.platform.web.Refusal;
import io.fanzha.ledger.query.Generations;
import java.time.Duration;
import org.bson.BsonString;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.InputStreamResource;
import org.springframework.data.mongodb.MongoDatabaseFactory;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * Serves an evidence photo back from GridFS, where the command side stored it, for the dashboard's
 * thumbnails. Only images: the media type is the one the command side sniffed from the bytes and
 * recorded, so a PDF or a document is never sent to be rendered by a browser here.
 */
@RestController
class EvidenceController {

  private static final Logger log = LoggerFactory.getLogger(EvidenceController.class);

  private final MongoTemplate mongo;
  private final MongoDatabaseFactory databases;
  private final Generations generations;

  EvidenceController(MongoTemplate mongo, MongoDatabaseFactory databases, Generations generations) {
    this.mongo = mongo;
    this.databases = databases;
    this.generations = generations;
  }

  @GetMapping("/api/evidence/{evidenceId}")
  ResponseEntity<InputStreamResource> image(@PathVariable String evidenceId) {
    EvidenceRecord evidence =
        mongo.findById(
            evidenceId,
            EvidenceRecord.class,
            generations.live(DashboardProjection.GROUP).of(EvidenceRecord.class));
    if (evidence == null) {
      throw new NoSuchEvidence("No evidence " + evidenceId + " is known.");
    }
    if (!evidence.isImage()) {
      throw new NotAnImage(evidence.mediaType());
    }
    GridFSDownloadStream bytes;
    try {
      bytes =
          GridFSBuckets.create(databases.getMongoDatabase(), "evidence")
              .openDownloadStream(new BsonString(evidence.storageRef()));
    } catch (MongoGridFSException missing) {
      log.warn("evidence {} is recorded but its bytes are not in GridFS", evidenceId);
      throw new NoSuchEvidence("The bytes of evidence " + evidenceId + " are not stored.");
    }
    log.debug("evidence {} served, {} bytes", evidenceId, bytes.getGridFSFile().getLength());
    // the bytes under a storage reference never change (it names their hash)
    return ResponseEntity.ok()
        .contentType(MediaType.parseMediaType(evidence.mediaType()))
        .contentLength(bytes.getGridFSFile().getLength())
        .cacheControl(CacheControl.maxAge(Duration.ofDays(1)).cachePrivate().immutable())
        .body(new InputStreamResource(bytes));
  }

  /** 404: no such evidence, or its bytes are gone. */
  static class NoSuchEvidence extends Refusal {
    NoSuchEvidence(String detail) {
      super(404, "not-found", detail);
    }
  }

  /** 406: the evidence is not an image (a PDF scan, a document); the dashboard only names it. */
  static class NotAnImage extends Refusal {
    NotAnImage(String mediaType) {
      super(406, "not-an-image", "This evidence is " + mediaType + "; only images are served.");
    }
  }
}
