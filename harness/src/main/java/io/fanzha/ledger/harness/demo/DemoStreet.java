package io.fanzha.ledger.harness.demo;

import io.fanzha.ledger.harness.client.AuditTrail;
import io.fanzha.ledger.harness.client.LedgerClient;
import io.fanzha.ledger.harness.demo.StreetPlanRecorder.LoadReport;
import java.net.URI;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * The small demo street of {@code ./run --demo}: 东湖街道 with four communities, a police station and a
 * bank branch, this year's campaign, an account per community and for the bank branch, and the
 * activity of the 30 days up to today (two publicity events per community, most with a photo, two
 * fraud leads, a penalty and a commendation). Loaded through the public API only; loading it again
 * the same day records nothing new.
 */
public final class DemoStreet {

  public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
  public static final int ACTIVITY_DAYS = 30;

  public static final String STREET_OFFICE_USER = "street";
  public static final String AUDITOR_USER = "auditor";

  private final StreetPlanGenerator generator;

  public DemoStreet() {
    this(StreetPlanGenerator.DEFAULT_SEED);
  }

  public DemoStreet(long seed) {
    this.generator = new StreetPlanGenerator(seed);
  }

  /** Today in the street's time zone. */
  public static LocalDate today() {
    return LocalDate.now(ZONE);
  }

  /** The plan with the activity of the {@value #ACTIVITY_DAYS} days up to {@code today}. */
  public StreetPlan plan(LocalDate today) {
    return generator.generate(today.minusDays(ACTIVITY_DAYS - 1L), today);
  }

  /**
   * Records the plan for {@code today} through the command side, as the demo accounts ({@code
   * street}, then the accounts the plan opens); with a query side, as {@code auditor}, evidence
   * that is already in the audit trail is not uploaded again.
   *
   * @param queryUrl the query side, or {@code null}
   */
  public LoadReport load(URI commandUrl, URI queryUrl, LocalDate today) {
    AuditTrail trail =
        queryUrl == null
            ? null
            : new AuditTrail(LedgerClient.of(queryUrl).as(AUDITOR_USER, AUDITOR_USER));
    return new StreetPlanRecorder(
            LedgerClient.of(commandUrl), STREET_OFFICE_USER, STREET_OFFICE_USER, trail)
        .record(plan(today));
  }
}
