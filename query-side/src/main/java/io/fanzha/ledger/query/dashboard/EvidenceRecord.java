package io.fanzha.ledger.query.dashboard;

import io.fanzha.ledger.events.EvidenceKind;
import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A piece of evidence, keyed by its id: which publicity event it belongs to, what the bytes are
 * (the media type the command side sniffed from them) and where GridFS keeps them.
 */
@Document(EvidenceRecord.COLLECTION)
public record EvidenceRecord(
    @Id String evidenceId,
    String publishEventId,
    String campaignId,
    String unitId,
    EvidenceKind kind,
    String mediaType,
    String storageRef,
    String eventId,
    Instant recordedAt) {

  public static final String COLLECTION = "dashboard_evidence";

  boolean isImage() {
    return mediaType != null && mediaType.startsWith("image/");
  }
}
