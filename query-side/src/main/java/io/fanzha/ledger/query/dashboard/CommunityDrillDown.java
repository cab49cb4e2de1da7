package io.fanzha.ledger.query.dashboard;

import io.fanzha.ledger.query.scorecard.ScorecardDetail;
import java.time.LocalDate;
import java.util.List;

/**
 * A community's scorecard as the dashboard opens it: the scorecard itself, for each line the
 * evidence of the publicity events it rests on, and the community's publicity events of the
 * campaign with theirs, newest first.
 */
public record CommunityDrillDown(
    ScorecardDetail scorecard, List<LineEvidence> lines, List<PublicityEvidence> publicityEvents) {

  /** The evidence of the publicity events a line of the scorecard names, in the line's order. */
  public record LineEvidence(int line, List<Thumbnail> evidence) {}

  /** A publicity event, the event it was recorded by, and its evidence. */
  public record PublicityEvidence(
      String publishEventId,
      LocalDate heldOn,
      String locationName,
      String eventId,
      List<Thumbnail> evidence) {}

  /**
   * A piece of evidence: {@code href} serves the image (null for a PDF or another document, which
   * the dashboard only names).
   */
  public record Thumbnail(String evidenceId, String kind, String mediaType, String href) {

    static Thumbnail of(EvidenceRecord evidence) {
      return new Thumbnail(
          evidence.evidenceId(),
          evidence.kind() == null ? null : evidence.kind().name(),
          evidence.mediaType(),
          evidence.isImage() ? "/api/evidence/" + evidence.evidenceId() : null);
    }
  }
}
