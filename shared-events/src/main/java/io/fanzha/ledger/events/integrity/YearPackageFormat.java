package io.fanzha.ledger.events.integrity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Base64;

/**
 * The year-end package: a zip with {@code manifest.json} (format, counts, each file's SHA-256),
 * {@code events.jsonl} (every event from the first on, one JSON object a line, with its stored
 * bytes in base64 and its chain link), {@code seals.json} and {@code scorecards.json}.
 */
public final class YearPackageFormat {

  public static final String FORMAT = "fanzha-ledger-year-package/1";
  public static final String MANIFEST = "manifest.json";
  public static final String EVENTS = "events.jsonl";
  public static final String SEALS = "seals.json";
  public static final String SCORECARDS = "scorecards.json";

  private YearPackageFormat() {}

  /** One line of {@code events.jsonl}. */
  public static ObjectNode line(StoredEvent event, String hash, boolean inYear) {
    Base64.Encoder base64 = Base64.getEncoder();
    ObjectNode line = JsonNodeFactory.instance.objectNode();
    line.put("position", event.position());
    line.put("eventId", event.eventId());
    line.put("aggregateId", event.aggregateId());
    line.put("sequence", event.sequence());
    line.put("aggregateType", event.aggregateType());
    line.put("timestamp", event.timestamp());
    line.put("payloadType", event.payloadType());
    line.put("payloadRevision", event.payloadRevision());
    line.put("payload", event.payload() == null ? null : base64.encodeToString(event.payload()));
    line.put("metaData", event.metaData() == null ? null : base64.encodeToString(event.metaData()));
    line.put("hash", hash);
    line.put("inYear", inYear);
    return line;
  }

  /** The stored event a line of {@code events.jsonl} carries. */
  public static StoredEvent event(JsonNode line) {
    Base64.Decoder base64 = Base64.getDecoder();
    return new StoredEvent(
        line.path("position").asLong(),
        text(line, "eventId"),
        text(line, "aggregateId"),
        line.path("sequence").asLong(),
        text(line, "aggregateType"),
        text(line, "timestamp"),
        text(line, "payloadType"),
        text(line, "payloadRevision"),
        line.hasNonNull("payload") ? base64.decode(line.path("payload").asText()) : null,
        line.hasNonNull("metaData") ? base64.decode(line.path("metaData").asText()) : null);
  }

  private static String text(JsonNode node, String field) {
    return node.hasNonNull(field) ? node.path(field).asText() : null;
  }
}
