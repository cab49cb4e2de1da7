package io.fanzha.ledger.query.dashboard;

import io.fanzha.ledger.events.TargetGroup;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A publicity event as the dashboard needs it, keyed by its id: whom it reached, and the
 * PublishEventHeld it came from with when that was recorded (for {@code asOf}).
 */
@Document(PublicityRecord.COLLECTION)
public record PublicityRecord(
    @Id String publishEventId,
    String campaignId,
    String unitId,
    LocalDate heldOn,
    List<TargetGroup> targetGroups,
    String locationName,
    int audienceCount,
    String eventId,
    Instant recordedAt) {

  public static final String COLLECTION = "dashboard_publicity";

  public PublicityRecord {
    targetGroups = targetGroups == null ? List.of() : List.copyOf(targetGroups);
  }
}
