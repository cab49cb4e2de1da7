package io.fanzha.ledger.query.leadfeed;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.fanzha.ledger.events.FraudCategory;
import io.fanzha.ledger.events.FraudLeadReported;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * What the police receive for a lead, on the queue and in the pull feed alike: schema {@value
 * #SCHEMA} version {@value #VERSION} ({@code docs/police-lead-message.schema.json}). The reporter
 * travels as a reference to the audited disclosure call unless the reporter's contact is configured
 * to travel with the lead; a lead without a reporter has neither.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PoliceLeadMessage(
    String schema,
    int schemaVersion,
    String leadId,
    Instant reportedAt,
    LocalDate discoveredOn,
    FraudCategory category,
    String summary,
    ReportingUnit reportingUnit,
    String campaignId,
    Suspect suspect,
    Reporter reporter) {

  public static final String SCHEMA = "fanzha.police-lead";
  public static final int VERSION = 1;

  // Fixed here, not taken from the application: the body is written once and must read the same
  // whatever the application's JSON settings become.
  private static final ObjectMapper JSON =
      JsonMapper.builder()
          .addModule(new JavaTimeModule())
          .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
          .build();

  /** The unit that reported the lead; its name when the outbox knows it. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record ReportingUnit(String id, String name) {}

  /** What identifies the suspect. */
  public record Suspect(List<String> phones, List<String> accounts, List<String> urls) {}

  /** Either {@code contactRef} (by default), or {@code name} and {@code phone}. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Reporter(String contactRef, String name, String phone) {

    @Override
    public String toString() {
      return "Reporter[redacted]";
    }
  }

  /** The path on the command side where the police ask for a lead's reporter (an audited call). */
  static String contactRef(String leadId) {
    return "/api/fraud-leads/" + leadId + "/reporter-disclosures";
  }

  static PoliceLeadMessage of(
      FraudLeadReported lead, Instant reportedAt, String unitName, boolean withReporterContact) {
    Reporter reporter = null;
    if (lead.reporter() != null) {
      reporter =
          withReporterContact
              ? new Reporter(null, lead.reporter().name(), lead.reporter().phone())
              : new Reporter(contactRef(lead.leadId()), null, null);
    }
    io.fanzha.ledger.events.Suspect suspect =
        lead.suspect() == null
            ? new io.fanzha.ledger.events.Suspect(null, null, null)
            : lead.suspect();
    return new PoliceLeadMessage(
        SCHEMA,
        VERSION,
        lead.leadId(),
        reportedAt,
        lead.discoveredOn(),
        lead.category(),
        lead.summary(),
        new ReportingUnit(lead.reportingUnitId(), unitName),
        lead.campaignId(),
        new Suspect(suspect.phones(), suspect.accounts(), suspect.urls()),
        reporter);
  }

  String toJson() {
    try {
      return JSON.writeValueAsString(this);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("lead " + leadId + " could not be written as JSON", e);
    }
  }
}
