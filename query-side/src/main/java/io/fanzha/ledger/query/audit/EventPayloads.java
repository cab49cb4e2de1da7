package io.fanzha.ledger.query.audit;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.fanzha.ledger.events.Reporter;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.bson.types.Decimal128;

/**
 * Turns an event into the JSON-like document the audit keeps, and back into plain JSON values.
 * Personal data (a lead's reporter) is replaced by {@value #WITHHELD} on the way in, so that the
 * audit trail never holds what crypto-shredding must be able to erase.
 */
final class EventPayloads {

  static final String WITHHELD = "withheld";

  /** Payload fields that name a unit the event is by or about. */
  private static final Set<String> UNIT_FIELDS =
      Set.of(
          "unitId",
          "reportingUnitId",
          "jurisdictionUnitId",
          "communityIds",
          "communityId",
          "responsibleUnitIds",
          "cooperatingUnitIds");

  private static final TypeReference<LinkedHashMap<String, Object>> DOCUMENT =
      new TypeReference<>() {};

  private static final ObjectMapper MAPPER =
      new ObjectMapper()
          .registerModule(new JavaTimeModule())
          .registerModule(new SimpleModule().addSerializer(Reporter.class, new Withheld()))
          .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
          .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

  private EventPayloads() {}

  static Map<String, Object> toDocument(Object payload) {
    return MAPPER.convertValue(payload, DOCUMENT);
  }

  /** The units a payload names, plus the acting unit; sorted so that a rewrite is identical. */
  static List<String> unitsOf(Map<String, Object> payload, String actingUnitId) {
    Set<String> units = new TreeSet<>();
    if (actingUnitId != null) {
      units.add(actingUnitId);
    }
    if (payload != null) {
      payload.forEach(
          (field, value) -> {
            if (UNIT_FIELDS.contains(field)) {
              if (value instanceof String unit) {
                units.add(unit);
              } else if (value instanceof Collection<?> many) {
                many.stream()
                    .filter(String.class::isInstance)
                    .map(String.class::cast)
                    .forEach(units::add);
              }
            }
          });
    }
    return List.copyOf(units);
  }

  /** A stored value as plain JSON: exact decimals, instants as instants, nested as nested. */
  static Object readable(Object stored) {
    if (stored instanceof Decimal128 decimal) {
      return plain(decimal.bigDecimalValue());
    }
    if (stored instanceof BigDecimal decimal) {
      return plain(decimal);
    }
    if (stored instanceof Date date) {
      return date.toInstant();
    }
    if (stored instanceof Map<?, ?> map) {
      Map<String, Object> plain = new LinkedHashMap<>();
      map.forEach((k, v) -> plain.put(String.valueOf(k), readable(v)));
      return plain;
    }
    if (stored instanceof Collection<?> list) {
      List<Object> plain = new ArrayList<>(list.size());
      list.forEach(v -> plain.add(readable(v)));
      return plain;
    }
    return stored;
  }

  private static BigDecimal plain(BigDecimal number) {
    BigDecimal stripped = number.stripTrailingZeros();
    return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
  }

  private static final class Withheld extends StdSerializer<Reporter> {
    Withheld() {
      super(Reporter.class);
    }

    @Override
    public void serialize(Reporter value, JsonGenerator gen, SerializerProvider provider)
        throws IOException {
      gen.writeString(WITHHELD);
    }
  }
}
