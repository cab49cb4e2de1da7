package io.fanzha.ledger.harness.client;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/**
 * Reads {@code GET /api/audit} of the query side page by page. Takes a client that acts as an
 * account allowed to read the trail (the {@code auditor}).
 */
public final class AuditTrail {

  public static final String PATH = "/api/audit";
  private static final int PAGE_SIZE = 100;
  private static final int MAX_PAGES = 10_000;

  private final LedgerClient reader;

  public AuditTrail(LedgerClient reader) {
    this.reader = reader;
  }

  /** How many entries match {@code filters}: the page's total when it states one, else counted. */
  public long count(Map<String, ?> filters) {
    LedgerResponse first = page(filters, 0, 1);
    OptionalLong stated = statedTotal(first.body());
    return stated.isPresent() ? stated.getAsLong() : entries(filters).size();
  }

  public long total() {
    return count(Map.of());
  }

  /**
   * Every entry that matches {@code filters} (e.g. {@code unitId}, {@code type}), in page order.
   */
  public List<JsonNode> entries(Map<String, ?> filters) {
    List<JsonNode> all = new ArrayList<>();
    for (int page = 0; page < MAX_PAGES; page++) {
      List<JsonNode> entries = entriesOf(page(filters, page, PAGE_SIZE).body());
      all.addAll(entries);
      if (entries.size() < PAGE_SIZE) {
        return all;
      }
    }
    throw new IllegalStateException("the audit trail has more than " + MAX_PAGES + " pages");
  }

  private LedgerResponse page(Map<String, ?> filters, int page, int size) {
    Map<String, Object> parameters = new LinkedHashMap<>(filters);
    parameters.put("page", page);
    parameters.put("size", size);
    LedgerResponse response = reader.get(PATH + LedgerClient.query(parameters));
    if (response.status() != 200) {
      throw new IllegalStateException("GET " + PATH + " answered " + response);
    }
    return response;
  }

  /** The entries of one page: the body itself when it is an array, else its list field. */
  public static List<JsonNode> entriesOf(JsonNode page) {
    JsonNode array = page.isArray() ? page : null;
    for (String field : List.of("content", "items", "entries", "events", "data")) {
      if (array == null && page.path(field).isArray()) {
        array = page.get(field);
      }
    }
    if (array == null) {
      throw new IllegalStateException("not a page of audit entries: " + page);
    }
    List<JsonNode> entries = new ArrayList<>();
    array.forEach(entries::add);
    return entries;
  }

  private static OptionalLong statedTotal(JsonNode page) {
    for (JsonNode holder : List.of(page, page.path("page"))) {
      for (String field : List.of("totalElements", "total", "totalCount")) {
        if (holder.path(field).isIntegralNumber()) {
          return OptionalLong.of(holder.get(field).asLong());
        }
      }
    }
    return OptionalLong.empty();
  }
}
