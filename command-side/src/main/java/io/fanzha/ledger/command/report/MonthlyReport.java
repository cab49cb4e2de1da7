package io.fanzha.ledger.command.report;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import io.fanzha.ledger.command.recording.Actor;
import io.fanzha.ledger.command.recording.IdAlreadyUsed;
import io.fanzha.ledger.command.recording.References;
import io.fanzha.ledger.command.recording.RuleBroken;
import io.fanzha.ledger.command.recording.StreamIds;
import io.fanzha.ledger.command.time.DueInstants;
import io.fanzha.ledger.events.CampaignLaunched;
import io.fanzha.ledger.events.MonthlyReportSubmitted;
import io.fanzha.ledger.events.ReportDeadlineMissed;
import io.fanzha.ledger.events.ReportKind;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Objects;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * One community's stage summary for one month (阶段月总结). It is due by the end of the month's due day;
 * on time when it arrives before then, late after. When the due day ends without it, the deadline
 * sweep records it missing; a report arriving later still counts, as late.
 */
@Aggregate
public class MonthlyReport {

  @AggregateIdentifier private String streamId;
  private MonthlyReportSubmitted submitted;
  private Instant submittedAt;
  private boolean missed;

  protected MonthlyReport() {}

  @CommandHandler
  @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
  SubmissionReceipt handle(
      SubmitMonthlyReport command, Actor actor, References references, Clock clock) {
    actor.mustBeBoundTo(command.unitId());
    if (submitted != null) {
      if (!submitted.statistics().equals(command.statistics())
          || !Objects.equals(submitted.summary(), command.summary())) {
        throw new IdAlreadyUsed("monthly report", command.reportId());
      }
      return new SubmissionReceipt(submitted.reportId(), submittedAt, submitted.late());
    }
    CampaignLaunched campaign = references.requireCampaign("campaignId", command.campaignId());
    references.requireParticipant("unitId", campaign, command.unitId());
    YearMonth month = command.month();
    if (month.isBefore(YearMonth.from(campaign.startDate()))
        || month.isAfter(YearMonth.from(campaign.endDate()))) {
      throw new RuleBroken("month", "The month is not part of the campaign.");
    }
    Instant now = clock.instant();
    if (DueInstants.today(now).isBefore(month.atDay(1))) {
      throw new RuleBroken("month", "A month's report cannot come in before the month begins.");
    }
    LocalDate dueDate = DueInstants.reportDueDate(month, campaign.monthlyReportDueDay());
    boolean late = !now.isBefore(DueInstants.endOf(dueDate));
    apply(
        new MonthlyReportSubmitted(
            command.reportId(),
            command.campaignId(),
            command.unitId(),
            month,
            command.statistics(),
            command.summary(),
            dueDate,
            late));
    return new SubmissionReceipt(command.reportId(), submittedAt, late);
  }

  /** A report that arrived before the due instant was on time; anything else was missing then. */
  @CommandHandler
  @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
  void handle(MarkReportDeadline command) {
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
            ReportKind.MONTHLY,
            command.month(),
            command.dueDate()));
  }

  @EventSourcingHandler
  void on(MonthlyReportSubmitted event, @Timestamp Instant at) {
    this.streamId = StreamIds.monthlyReport(event.reportId());
    this.submitted = event;
    this.submittedAt = at;
  }

  @EventSourcingHandler
  void on(ReportDeadlineMissed event) {
    this.streamId = StreamIds.monthlyReport(event.reportId());
    this.missed = true;
  }
}
