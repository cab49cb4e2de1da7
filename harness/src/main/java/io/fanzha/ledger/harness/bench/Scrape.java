package io.fanzha.ledger.harness.bench;

import io.fanzha.ledger.harness.client.LedgerClient;
import io.fanzha.ledger.harness.client.LedgerResponse;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What Prometheus would read from both apps at the end of the load: whether the operator's metrics
 * are there (commands, processing lag per processor, dead letters, the police feed's backlog) and
 * their values, summed or the highest over their series.
 */
final class Scrape {

  private static final Pattern SAMPLE =
      Pattern.compile("(?m)^([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{[^}]*\\})? (\\S+)$");

  /** Metric (as the bench names it) to its Prometheus name, its side, and sum or max. */
  private record Wanted(String name, String metric, boolean command, boolean sum) {}

  private static final Wanted[] WANTED = {
    new Wanted("commands", "commandBus_successCounter_total", true, true),
    new Wanted("command_failures", "commandBus_failureCounter_total", true, true),
    new Wanted("lag_max_query", "fanzha_processor_lag_events", false, false),
    new Wanted("lag_max_command", "fanzha_processor_lag_events", true, false),
    new Wanted("dead_letters", "fanzha_dead_letters_events", false, true),
    new Wanted("feed_pending", "fanzha_police_feed_pending_leads", false, true),
    new Wanted("feed_oldest_s", "fanzha_police_feed_oldest_pending_seconds", false, false),
  };

  private Scrape() {}

  /**
   * Scrapes both apps as the street office; answers {@code metrics_<name>} = the value, or {@code
   * missing} when a metric is not in the scrape (or the scrape failed).
   */
  static Map<String, String> bothApps(URI command, URI query) {
    String commandText = scrape(command);
    String queryText = scrape(query);
    Map<String, String> found = new LinkedHashMap<>();
    for (Wanted wanted : WANTED) {
      Double value = value(wanted.command ? commandText : queryText, wanted.metric, wanted.sum);
      found.put(
          "metrics_" + wanted.name,
          value == null ? "missing" : String.valueOf(Math.round(value * 100) / 100.0));
    }
    return found;
  }

  private static String scrape(URI app) {
    try {
      LedgerResponse answer =
          LedgerClient.of(app)
              .as("street", "street")
              .get("/actuator/prometheus", "text/plain;version=0.0.4");
      return answer.status() == 200 ? answer.body().asText() : "";
    } catch (RuntimeException e) {
      return "";
    }
  }

  private static Double value(String text, String metric, boolean sum) {
    Matcher sample = SAMPLE.matcher(text);
    Double value = null;
    while (sample.find()) {
      if (!sample.group(1).equals(metric)) {
        continue;
      }
      double v = Double.parseDouble(sample.group(3));
      if (Double.isNaN(v)) {
        // a processor whose segments another instance holds: no lag of its own
        value = value == null ? 0 : value;
        continue;
      }
      value = value == null ? v : sum ? value + v : Math.max(value, v);
    }
    return value;
  }
}
