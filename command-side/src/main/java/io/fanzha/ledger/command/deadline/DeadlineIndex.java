package io.fanzha.ledger.command.deadline;

import io.fanzha.ledger.command.lead.LeadTerms;
import io.fanzha.ledger.command.recording.References;
import io.fanzha.ledger.command.time.DueInstants;
import io.fanzha.ledger.events.CampaignLaunched;
import io.fanzha.ledger.events.FraudLeadReported;
import io.fanzha.ledger.events.PublishEventHeld;
import io.fanzha.ledger.events.RectificationOrdered;
import io.fanzha.ledger.events.Rulebook;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Writes, for each fact that brings a deadline with it, when that deadline falls due. A tracking
 * processor with its token beside the index in the relational store, so it catches up after a
 * restart and on a fresh store rebuilds itself from the log.
 */
@Component
@ProcessingGroup(DeadlineIndex.GROUP)
public class DeadlineIndex {

  public static final String GROUP = "deadline-index";
  private static final Logger log = LoggerFactory.getLogger(DeadlineIndex.class);

  private final Deadlines deadlines;
  private final References references;
  private final LeadTerms leadTerms;

  public DeadlineIndex(Deadlines deadlines, References references, LeadTerms leadTerms) {
    this.deadlines = deadlines;
    this.references = references;
    this.leadTerms = leadTerms;
  }

  @EventHandler
  void on(CampaignLaunched campaign) {
    List<Deadline> due = new ArrayList<>();
    YearMonth last = YearMonth.from(campaign.endDate());
    for (YearMonth month = YearMonth.from(campaign.startDate());
        !month.isAfter(last);
        month = month.plusMonths(1)) {
      String period = month.toString();
      due.add(
          new Deadline(
              "month-close/" + campaign.campaignId() + "/" + period,
              DueInstants.monthElapsed(month),
              DeadlineKind.MONTH_CLOSE,
              campaign.campaignId(),
              null,
              period,
              null));
      var dueDate = DueInstants.reportDueDate(month, campaign.monthlyReportDueDay());
      for (String community : campaign.communityIds()) {
        due.add(
            new Deadline(
                "monthly-report/" + campaign.campaignId() + "/" + community + "/" + period,
                DueInstants.endOf(dueDate),
                DeadlineKind.MONTHLY_REPORT,
                campaign.campaignId(),
                community,
                period,
                dueDate));
      }
    }
    for (String community : campaign.communityIds()) {
      due.add(
          new Deadline(
              "year-end-report/" + campaign.campaignId() + "/" + community,
              DueInstants.endOf(campaign.yearEndReportDue()),
              DeadlineKind.YEAR_END_REPORT,
              campaign.campaignId(),
              community,
              null,
              campaign.yearEndReportDue()));
    }
    deadlines.schedule(due);
    log.info("deadlines: {} scheduled for campaign {}", due.size(), campaign.campaignId());
  }

  @EventHandler
  void on(PublishEventHeld held) {
    // the window length is campaign data: the rulebook the campaign was launched with
    int windowDays =
        references
            .campaign(held.campaignId())
            .map(c -> c.rulebook().evidenceWindowDays())
            .orElse(Rulebook.defaultRules().evidenceWindowDays());
    var lastDay = DueInstants.evidenceWindowLastDay(held.heldOn(), windowDays);
    deadlines.schedule(
        List.of(
            new Deadline(
                "evidence-window/" + held.publishEventId(),
                DueInstants.endOf(lastDay),
                DeadlineKind.EVIDENCE_WINDOW,
                held.publishEventId(),
                held.unitId(),
                null,
                lastDay)));
  }

  @EventHandler
  void on(RectificationOrdered ordered) {
    deadlines.schedule(
        List.of(
            new Deadline(
                "rectification/" + ordered.rectificationId(),
                DueInstants.endOf(ordered.dueDate()),
                DeadlineKind.RECTIFICATION,
                ordered.rectificationId(),
                ordered.unitId(),
                null,
                ordered.dueDate())));
  }

  /**
   * The police have {@code fanzha.leads.acknowledge-within} from the report's own timestamp; the
   * window in force when the index sees the report is the one applied.
   */
  @EventHandler
  void on(FraudLeadReported lead, @Timestamp Instant reportedAt) {
    Instant acknowledgeBy = reportedAt.plus(leadTerms.acknowledgeWithin());
    deadlines.schedule(
        List.of(
            new Deadline(
                "lead-acknowledgement/" + lead.leadId(),
                acknowledgeBy,
                DeadlineKind.LEAD_ACKNOWLEDGEMENT,
                lead.leadId(),
                lead.reportingUnitId(),
                null,
                null)));
  }

  @ResetHandler
  void reset() {
    deadlines.forgetUnfired();
  }
}
