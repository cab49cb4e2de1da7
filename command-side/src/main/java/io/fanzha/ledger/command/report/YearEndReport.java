package io.fanzha.ledger.command.report;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import io.fanzha.ledger.command.recording.Actor;
import io.fanzha.ledger.command.recording.IdAlreadyUsed;
import io.fanzha.ledger.command.recording.References;
import io.fanzha.ledger.command.recording.RuleBroken;
import io.fanzha.ledger.command.recording.StreamIds;
import io.fanzha.ledger.command.time.DueInstants;
import io.fanzha.ledger.events.CampaignLaunched;
import io.fanzha.ledger.events.ReportDeadlineMissed;
import io.fanzha.ledger.events.ReportKind;
import io.fanzha.ledger.events.YearEndReportSubmitted;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

/** A community's year-end summary and table (宣传工作情况表), due by the campaign's date. */
@Aggregate
public class YearEndReport {

  @AggregateIdentifier private String streamId;
  private YearEndReportSubmitted submitted;
  private Instant submittedAt;
  private boolean missed;

  protected YearEndReport() {}

  @CommandHandler
  @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
  SubmissionReceipt handle(
      SubmitYearEndReport command, Actor actor, References references, Clock clock) {
    actor.mustBeBoundTo(command.unitId());
    if (submitted != null) {
      if (!submitted.statistics().equals(command.statistics())
          || !Objects.equals(submitted.summary(), command.summary())) {
        throw new IdAlreadyUsed("year-end report", command.reportId());
      }
      return new SubmissionReceipt(submitted.reportId(), submittedAt, submitted.late());
    }
    CampaignLaunched campaign = references.requireCampaign("campaignId", command.campaignId());
    references.requireParticipant("unitId", campaign, command.unitId());
    Instant now = clock.instant();
    if (DueInstants.today(now).isBefore(campaign.startDate())) {
      throw new RuleBroken("campaignId", "The campaign has not begun yet.");
    }
    boolean late = !now.isBefore(DueInstants.endOf(campaign.yearEndReportDue()));
    apply(
        new YearEndReportSubmitted(
            command.reportId(),
            command.campaignId(),
            command.unitId(),
            command.statistics(),
            command.summary(),
            campaign.yearEndReportDue(),
            late));
    return new SubmissionReceipt(command.reportId(), submittedAt, late);
  }

  @CommandHandler
  @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
  void handle(MarkYearEndReportDeadline command) {
    if (missed) {
      return;
    }
    if (submitted != null && submittedAt.isBefore(DueInstants.endOf(command.dueDate()))) {
      return;
    }
    apply(
        new ReportDeadlineMissed(
            command.reportId(),
            command.campaignId(),
            command.unitId(),
            ReportKind.YEAR_END,
            null,
            command.dueDate()));
  }

  @EventSourcingHandler
  void on(YearEndReportSubmitted event, @Timestamp Instant at) {
    this.streamId = StreamIds.yearEndReport(event.reportId());
    this.submitted = event;
    this.submittedAt = at;
  }

  @EventSourcingHandler
  void on(ReportDeadlineMissed event) {
    this.streamId = StreamIds.yearEndReport(event.reportId());
    this.missed = true;
  }
}
