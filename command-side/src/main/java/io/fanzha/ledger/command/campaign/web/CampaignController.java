package io.fanzha.ledger.command.campaign.web;

import io.fanzha.ledger.command.campaign.AdoptScoringRules;
import io.fanzha.ledger.command.campaign.DefineCampaignTask;
import io.fanzha.ledger.command.campaign.LaunchCampaign;
import io.fanzha.ledger.events.CaseRateBand;
import io.fanzha.ledger.events.Phase;
import io.fanzha.ledger.events.Rulebook;
import io.fanzha.ledger.events.TaskRecurrence;
import io.fanzha.ledger.platform.web.LedgerId;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Validated
@RequestMapping("/api/campaigns")
class CampaignController {

  private final CommandGateway commands;

  CampaignController(CommandGateway commands) {
    this.commands = commands;
  }

  record PhaseRequest(
      @NotBlank @Size(max = 50) String name, @NotNull LocalDate from, @NotNull LocalDate to) {}

  record BandRequest(
      @NotNull @DecimalMin("0") BigDecimal casesPerTenThousandAbove,
      @NotNull @DecimalMin("0") BigDecimal points) {}

  record RulebookRequest(
      @NotBlank @Size(max = 50) String version,
      @NotNull @DecimalMin("0") BigDecimal basePoints,
      @NotNull @DecimalMin("0") BigDecimal publicityMonthMissed,
      @NotNull @DecimalMin("0") BigDecimal evidenceMissing,
      @Min(0) @Max(366) int evidenceWindowDays,
      @NotNull @DecimalMin("0") BigDecimal reportLate,
      @NotNull @DecimalMin("0") BigDecimal reportMissing,
      @NotNull @DecimalMin("0") BigDecimal rectificationOverdue,
      @NotNull @DecimalMin("0") BigDecimal commendationCapPerYear,
      @NotNull @DecimalMin("0") BigDecimal leadConfirmed,
      @NotNull @DecimalMin("0") BigDecimal leadConfirmedCapPerYear,
      @NotNull @Size(max = 10) List<@Valid @NotNull BandRequest> caseRateBands,
      @NotNull @DecimalMin("0") BigDecimal excellentFrom,
      @NotNull @DecimalMin("0") BigDecimal passFrom) {

    Rulebook toRulebook() {
      return new Rulebook(
          version,
          basePoints,
          publicityMonthMissed,
          evidenceMissing,
          evidenceWindowDays,
          reportLate,
          reportMissing,
          rectificationOverdue,
          commendationCapPerYear,
          leadConfirmed,
          leadConfirmedCapPerYear,
          caseRateBands.stream()
              .map(b -> new CaseRateBand(b.casesPerTenThousandAbove(), b.points()))
              .toList(),
          excellentFrom,
          passFrom);
    }
  }

  record CampaignRequest(
      @NotNull @LedgerId String id,
      @NotBlank @Size(max = 200) String title,
      @NotNull @LedgerId String jurisdictionUnitId,
      @NotNull LocalDate startDate,
      @NotNull LocalDate endDate,
      @NotNull @Min(1) @Max(31) Integer monthlyReportDueDay,
      @NotNull LocalDate yearEndReportDue,
      @NotEmpty @Size(max = 500) List<@NotNull @LedgerId String> communityIds,
      @Size(max = 20) List<@Valid @NotNull PhaseRequest> phases,
      @Valid RulebookRequest rulebook) {}

  record TaskRequest(
      @NotNull @LedgerId String id,
      @NotBlank @Size(max = 2000) String description,
      @NotEmpty @Size(max = 50) List<@NotNull @LedgerId String> responsibleUnitIds,
      @Size(max = 50) List<@NotNull @LedgerId String> cooperatingUnitIds,
      @NotNull TaskRecurrence recurrence,
      @NotNull Boolean evidenceRequired) {}

  record RulebookAdoption(
      @NotNull @Valid RulebookRequest rulebook, @NotNull LocalDate effectiveFrom) {}

  @PostMapping("/{id}/tasks")
  ResponseEntity<Map<String, String>> defineTask(
      @PathVariable @LedgerId String id, @Valid @RequestBody TaskRequest request) {
    commands.sendAndWait(
        new DefineCampaignTask(
            id,
            request.id(),
            request.description(),
            request.responsibleUnitIds(),
            request.cooperatingUnitIds(),
            request.recurrence(),
            request.evidenceRequired()));
    return ResponseEntity.created(URI.create("/api/campaigns/" + id + "/tasks/" + request.id()))
        .body(Map.of("id", request.id()));
  }

  @PostMapping("/{id}/rulebook")
  ResponseEntity<Map<String, Object>> adoptRules(
      @PathVariable @LedgerId String id, @Valid @RequestBody RulebookAdoption request) {
    commands.sendAndWait(
        new AdoptScoringRules(id, request.rulebook().toRulebook(), request.effectiveFrom()));
    return ResponseEntity.ok(
        Map.of(
            "campaignId",
            id,
            "version",
            request.rulebook().version(),
            "effectiveFrom",
            request.effectiveFrom()));
  }

  @PostMapping
  ResponseEntity<Map<String, String>> launch(@Valid @RequestBody CampaignRequest request) {
    commands.sendAndWait(
        new LaunchCampaign(
            request.id(),
            request.title(),
            request.jurisdictionUnitId(),
            request.startDate(),
            request.endDate(),
            request.monthlyReportDueDay(),
            request.yearEndReportDue(),
            request.communityIds(),
            request.phases() == null
                ? List.of()
                : request.phases().stream()
                    .map(p -> new Phase(p.name(), p.from(), p.to()))
                    .toList(),
            request.rulebook() == null ? null : request.rulebook().toRulebook()));
    return ResponseEntity.created(URI.create("/api/campaigns/" + request.id()))
        .body(Map.of("id", request.id()));
  }
}
