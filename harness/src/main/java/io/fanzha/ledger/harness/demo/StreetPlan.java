package io.fanzha.ledger.harness.demo;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * What a street records, as plain data: the bodies of the command side's create requests of the
 * same names (fields marked {@code @JsonIgnore} are not sent), which {@link
 * io.fanzha.ledger.harness.workload.YearOfAStreet} makes. Enum values are the contract's strings.
 */
public final class StreetPlan {

  private StreetPlan() {}

  /** {@code POST /api/units}. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Unit(String id, String name, String kind, String parentId, Integer population) {}

  /** {@code POST /api/accounts}, by the street office. */
  public record Account(String username, String password, String role, String unitId) {
    @Override
    public String toString() {
      return "Account[" + username + ", " + role + ", " + unitId + "]";
    }
  }

  public record Phase(String name, LocalDate from, LocalDate to) {}

  /** {@code POST /api/campaigns}; without a rulebook the campaign takes the default one. */
  public record Campaign(
      String id,
      String title,
      String jurisdictionUnitId,
      LocalDate startDate,
      LocalDate endDate,
      int monthlyReportDueDay,
      LocalDate yearEndReportDue,
      List<String> communityIds,
      List<Phase> phases) {}

  public record Location(String name, String kind) {}

  /**
   * {@code POST /api/publish-events} by the unit's own account, then each of {@code evidence} as
   * {@code POST /api/publish-events/{id}/evidence}.
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record PublishEvent(
      String id,
      String campaignId,
      String unitId,
      LocalDate heldOn,
      Location location,
      List<String> formats,
      List<String> targetGroups,
      int audienceCount,
      Integer materialsDistributed,
      String description,
      @JsonIgnore List<Evidence> evidence) {}

  /** A file attached to a publicity event; its bytes are made when it is sent. */
  public record Evidence(String kind, String fileName, EvidencePhoto photo) {}

  public record Suspect(List<String> phones, List<String> accounts, List<String> urls) {}

  /** Personal data: never printed. */
  public record Reporter(String name, String phone) {
    @Override
    public String toString() {
      return "Reporter[redacted]";
    }
  }

  /** {@code POST /api/fraud-leads}, by the reporting unit's account. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Lead(
      String id,
      String reportingUnitId,
      String campaignId,
      LocalDate discoveredOn,
      String category,
      String summary,
      Suspect suspect,
      Reporter reporter) {}

  /** {@code POST /api/penalties}, by the street office, on {@code decidedOn} (not sent). */
  public record Penalty(
      String id,
      String campaignId,
      String unitId,
      BigDecimal points,
      String reasonCode,
      String description,
      List<String> basisEventIds,
      @JsonIgnore LocalDate decidedOn) {}

  /** {@code POST /api/commendations}, by the street office, on {@code decidedOn} (not sent). */
  public record Commendation(
      String id,
      String campaignId,
      String unitId,
      BigDecimal points,
      String reason,
      @JsonIgnore LocalDate decidedOn) {}
}
