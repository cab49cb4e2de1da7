package io.fanzha.ledger.query.scorecard;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * The timestamp of the newest event the scorecards have seen, raised with {@code $max}. A scorecard
 * asked for without a day is the scorecard of that event's day: the query side never reads the
 * clock, so the command side's time, simulated or not, is the only time it knows.
 */
@Document(NewestEvent.COLLECTION)
public record NewestEvent(@Id String id, Instant recordedAt) {

  public static final String COLLECTION = "scorecard_newest_event";
  public static final String ID = "scorecards";
}
