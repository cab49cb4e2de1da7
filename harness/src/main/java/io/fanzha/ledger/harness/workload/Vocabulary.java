package io.fanzha.ledger.harness.workload;

import java.util.List;

/** The vocabularies of api.md that generated publicity events draw from. */
public final class Vocabulary {

  private Vocabulary() {}

  public static final List<String> FORMATS =
      List.of(
          "CONSULTATION_DESK",
          "BANNER",
          "DISPLAY_BOARD",
          "POSTER",
          "LEAFLET",
          "LECTURE",
          "LED_SCREEN",
          "SHORT_VIDEO",
          "SMS",
          "DOOR_TO_DOOR",
          "PERFORMANCE");

  public static final List<String> TARGET_GROUPS =
      List.of(
          "STUDENTS",
          "ELDERLY",
          "MIGRANT_WORKERS",
          "FINANCE_STAFF",
          "STAY_AT_HOME_PARENTS",
          "ONLINE_SHOPPERS",
          "SINGLES",
          "DISABLED",
          "LOW_INCOME",
          "GENERAL_PUBLIC");
}
