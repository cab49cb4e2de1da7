package io.fanzha.ledger.query.dashboard;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import io.fanzha.ledger.events.LeadOutcome;
import io.fanzha.ledger.events.TargetGroup;
import io.fanzha.ledger.query.CollectionNames;
import io.fanzha.ledger.query.Generations;
import io.fanzha.ledger.query.LedgerDays;
import io.fanzha.ledger.query.dashboard.CommunityDrillDown.LineEvidence;
import io.fanzha.ledger.query.dashboard.CommunityDrillDown.PublicityEvidence;
import io.fanzha.ledger.query.dashboard.CommunityDrillDown.Thumbnail;
import io.fanzha.ledger.query.dashboard.DashboardView.CampaignChoice;
import io.fanzha.ledger.query.dashboard.DashboardView.CommunityMonths;
import io.fanzha.ledger.query.dashboard.DashboardView.GroupCoverage;
import io.fanzha.ledger.query.dashboard.DashboardView.LeadsFunnel;
import io.fanzha.ledger.query.dashboard.DashboardView.MonthCases;
import io.fanzha.ledger.query.dashboard.DashboardView.MonthCompliance;
import io.fanzha.ledger.query.lead.FraudLeadEntry;
import io.fanzha.ledger.query.lead.FraudLeadProjection;
import io.fanzha.ledger.query.lead.RecordedOutcome;
import io.fanzha.ledger.query.leadfeed.DeliveryState;
import io.fanzha.ledger.query.leadfeed.OutboxEntry;
import io.fanzha.ledger.query.scorecard.ScorecardDetail;
import io.fanzha.ledger.query.scorecard.ScorecardRow;
import io.fanzha.ledger.query.scorecard.Scorecards;
import io.fanzha.ledger.query.scorecard.ScoredCampaign;
import io.fanzha.ledger.query.scorecard.rules.ReportState;
import io.fanzha.ledger.query.scorecard.rules.ScoreRule;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.stereotype.Service;

/**
 * Assembles the dashboard from the read models. The ranking and every community's months come from
 * {@link Scorecards} itself, so the page cannot disagree with the scorecard; cases, target groups
 * and evidence from the dashboard read model; the funnel from the lead list and the police outbox.
 * Facts count as of a day when they were recorded by its end, as on the scorecard.
 */
@Service
public class Dashboard {

  private final MongoTemplate mongo;
  private final Scorecards scorecards;
  private final Generations generations;
  private final DashboardVersion version;
  private final Map<List<Object>, DashboardView> answers =
      Collections.synchronizedMap(new Answers());

  Dashboard(
      MongoTemplate mongo,
      Scorecards scorecards,
      Generations generations,
      DashboardVersion version) {
    this.mongo = mongo;
    this.scorecards = scorecards;
    this.generations = generations;
    this.version = version;
  }

  /**
   * Every open dashboard asks again when facts arrive: the answer is kept under the version of the
   * read models it was drawn from, so it is computed once per change however many are open.
   */
  private static final class Answers extends LinkedHashMap<List<Object>, DashboardView> {
    private static final int MOST = 64;

    Answers() {
      super(16, 0.75f, true);
    }

    @Override
    protected boolean removeEldestEntry(Map.Entry<List<Object>, DashboardView> eldest) {
      return size() > MOST;
    }
  }

  /** The campaigns the dashboard can show, the most recently launched first. */
  public List<ScoredCampaign> campaigns() {
    return scorecards.campaigns().stream()
        .sorted(Comparator.comparing(ScoredCampaign::launchedAt).reversed())
        .toList();
  }

  /**
   * @param campaignId the campaign, or the most recently launched one when null
   * @param asOf the day, or the day of the newest event recorded when null
   */
  public DashboardView view(String campaignId, LocalDate asOf) {
    String now = version.current();
    if (now.contains("@-")) {
      // a processor this instance does not run (or that has not started): nothing to key on
      return compute(campaignId, asOf);
    }
    List<Object> key = Arrays.asList(campaignId, asOf, now);
    DashboardView kept = answers.get(key);
    if (kept == null) {
      kept = compute(campaignId, asOf);
      answers.put(key, kept);
    }
    return kept;
  }

  private DashboardView compute(String campaignId, LocalDate asOf) {
    List<ScoredCampaign> known = campaigns();
    ScoredCampaign campaign = campaign(known, campaignId);
    List<ScorecardRow> ranking = scorecards.standings(campaign.campaignId(), asOf);
    Map<String, ScorecardDetail> byUnit = scorecards.details(campaign.campaignId(), asOf);
    List<ScorecardDetail> details = ranking.stream().map(row -> byUnit.get(row.unitId())).toList();
    LocalDate day =
        asOf != null
            ? asOf
            : details.isEmpty() ? LedgerDays.dayOf(campaign.launchedAt()) : details.get(0).asOf();
    Instant end = LedgerDays.endOf(day);
    List<YearMonth> months = monthsOf(campaign, day);

    List<CommunityMonths> compliance = new ArrayList<>();
    for (int i = 0; i < ranking.size(); i++) {
      ScorecardRow row = ranking.get(i);
      ScorecardDetail detail = details.get(i);
      compliance.add(
          new CommunityMonths(
              row.unitId(),
              row.unitName(),
              row.rank(),
              months.stream().map(m -> compliance(detail, m, day)).toList()));
    }
    return new DashboardView(
        campaign.campaignId(),
        campaign.title(),
        known.stream().map(c -> new CampaignChoice(c.campaignId(), c.title())).toList(),
        day,
        months.stream().map(YearMonth::toString).toList(),
        ranking,
        compliance,
        trend(campaign, months, end),
        leads(campaign, end),
        targetGroups(campaign, end));
  }

  /** A community's scorecard, with the evidence of what each line rests on. */
  public CommunityDrillDown drillDown(String campaignId, String unitId, LocalDate asOf) {
    ScorecardDetail detail = scorecards.detail(campaignId, unitId, asOf);
    Instant end = LedgerDays.endOf(detail.asOf());
    CollectionNames names = generations.live(DashboardProjection.GROUP);
    List<PublicityRecord> held =
        mongo
            .find(
                query(where("campaignId").is(campaignId).and("unitId").is(unitId)),
                PublicityRecord.class,
                names.of(PublicityRecord.class))
            .stream()
            .filter(p -> p.recordedAt().isBefore(end))
            .sorted(
                Comparator.comparing(PublicityRecord::heldOn)
                    .thenComparing(PublicityRecord::publishEventId)
                    .reversed())
            .toList();
    Map<String, List<EvidenceRecord>> evidence =
        mongo
            .find(
                query(where("campaignId").is(campaignId).and("unitId").is(unitId)),
                EvidenceRecord.class,
                names.of(EvidenceRecord.class))
            .stream()
            .filter(e -> e.recordedAt().isBefore(end))
            .sorted(Comparator.comparing(EvidenceRecord::recordedAt))
            .collect(Collectors.groupingBy(EvidenceRecord::publishEventId));

    Map<String, String> publishEventOf =
        held.stream()
            .collect(Collectors.toMap(PublicityRecord::eventId, PublicityRecord::publishEventId));
    Map<String, EvidenceRecord> evidenceByEvent =
        evidence.values().stream()
            .flatMap(List::stream)
            .collect(Collectors.toMap(EvidenceRecord::eventId, Function.identity(), (a, b) -> a));
    List<LineEvidence> lines = new ArrayList<>();
    for (int i = 0; i < detail.lines().size(); i++) {
      List<Thumbnail> thumbnails = new ArrayList<>();
      for (String eventId : detail.lines().get(i).eventIds()) {
        if (publishEventOf.containsKey(eventId)) {
          evidence.getOrDefault(publishEventOf.get(eventId), List.of()).stream()
              .map(Thumbnail::of)
              .forEach(thumbnails::add);
        } else if (evidenceByEvent.containsKey(eventId)) {
          thumbnails.add(Thumbnail.of(evidenceByEvent.get(eventId)));
        }
      }
      lines.add(new LineEvidence(i, thumbnails.stream().distinct().toList()));
    }
    List<PublicityEvidence> events =
        held.stream()
            .map(
                p ->
                    new PublicityEvidence(
                        p.publishEventId(),
                        p.heldOn(),
                        p.locationName(),
                        p.eventId(),
                        evidence.getOrDefault(p.publishEventId(), List.of()).stream()
                            .map(Thumbnail::of)
                            .toList()))
            .toList();
    return new CommunityDrillDown(detail, lines, events);
  }

  private static ScoredCampaign campaign(List<ScoredCampaign> known, String campaignId) {
    if (campaignId == null) {
      if (known.isEmpty()) {
        throw NoDashboard.noCampaignYet();
      }
      return known.get(0);
    }
    return known.stream()
        .filter(c -> c.campaignId().equals(campaignId))
        .findFirst()
        .orElseThrow(() -> NoDashboard.noSuchCampaign(campaignId));
  }

  /** The campaign's months from its first to the day's, or to its last when the day is past it. */
  static List<YearMonth> monthsOf(ScoredCampaign campaign, LocalDate day) {
    YearMonth first = YearMonth.from(campaign.startDate());
    YearMonth last = YearMonth.from(day.isAfter(campaign.endDate()) ? campaign.endDate() : day);
    List<YearMonth> months = new ArrayList<>();
    for (YearMonth m = first; !m.isAfter(last); m = m.plusMonths(1)) {
      months.add(m);
    }
    return months;
  }

  /**
   * The month's checks, read off the community's scorecard: an event held (decided once the month
   * is over or one was held), the report on time (decided once it is in or missed), the evidence
   * complete (decided when events were held: none of their windows closed empty).
   */
  static MonthCompliance compliance(ScorecardDetail detail, YearMonth month, LocalDate day) {
    String key = month.toString();
    int events = detail.publicityEventsByMonth().getOrDefault(key, 0);
    ReportState report = detail.reportsByMonth().get(key);
    int evidenceMissing =
        (int)
            detail.lines().stream()
                .filter(l -> l.rule() == ScoreRule.EVIDENCE_MISSING && key.equals(l.period()))
                .count();
    int met = 0;
    int checks = 0;
    if (events > 0 || month.isBefore(YearMonth.from(day))) {
      checks++;
      met += events > 0 ? 1 : 0;
    }
    if (report != null) {
      checks++;
      met += report == ReportState.ON_TIME ? 1 : 0;
    }
    if (events > 0) {
      checks++;
      met += evidenceMissing == 0 ? 1 : 0;
    }
    return new MonthCompliance(key, events, report, evidenceMissing, met, checks);
  }

  private List<MonthCases> trend(ScoredCampaign campaign, List<YearMonth> months, Instant end) {
    Map<YearMonth, List<CaseRecord>> byMonth =
        mongo
            .find(
                query(where("communityId").in(campaign.communityIds())),
                CaseRecord.class,
                generations.live(DashboardProjection.GROUP).of(CaseRecord.class))
            .stream()
            .filter(c -> c.recordedAt().isBefore(end))
            .filter(c -> !c.occurredOn().isBefore(campaign.startDate()))
            .filter(c -> !c.occurredOn().isAfter(campaign.endDate()))
            .collect(Collectors.groupingBy(c -> YearMonth.from(c.occurredOn())));
    return months.stream()
        .map(
            m -> {
              List<CaseRecord> cases = byMonth.getOrDefault(m, List.of());
              BigDecimal loss =
                  cases.stream()
                      .map(CaseRecord::lossYuan)
                      .filter(l -> l != null)
                      .reduce(BigDecimal.ZERO, BigDecimal::add);
              return new MonthCases(m.toString(), cases.size(), loss.stripTrailingZeros());
            })
        .toList();
  }

  /**
   * The campaign's leads, and those of its communities that name no campaign (as the statistics
   * table counts them), as they stood at the day's end.
   */
  private LeadsFunnel leads(ScoredCampaign campaign, Instant end) {
    Set<String> communities = new HashSet<>(campaign.communityIds());
    List<FraudLeadEntry> leads =
        mongo
            .find(
                query(
                    new Criteria()
                        .orOperator(
                            where("campaignId").is(campaign.campaignId()),
                            where("reportingUnitId").in(communities))),
                FraudLeadEntry.class,
                generations.live(FraudLeadProjection.GROUP).of(FraudLeadEntry.class))
            .stream()
            .filter(
                l ->
                    campaign.campaignId().equals(l.campaignId())
                        || (l.campaignId() == null && communities.contains(l.reportingUnitId())))
            .filter(l -> l.reportedAt() != null && l.reportedAt().isBefore(end))
            .toList();
    Map<String, OutboxEntry> outbox =
        mongo
            .find(
                query(where("_id").in(leads.stream().map(FraudLeadEntry::leadId).toList())),
                OutboxEntry.class,
                OutboxEntry.COLLECTION)
            .stream()
            .collect(Collectors.toMap(OutboxEntry::leadId, Function.identity()));
    int delivered = 0;
    int acknowledged = 0;
    int caseFiled = 0;
    for (FraudLeadEntry lead : leads) {
      OutboxEntry sent = outbox.get(lead.leadId());
      if (sent != null
          && sent.delivery() == DeliveryState.DELIVERED
          && sent.deliveredAt() != null
          && sent.deliveredAt().isBefore(end)) {
        delivered++;
      }
      List<RecordedOutcome> outcomes =
          lead.outcomes().stream()
              .filter(o -> o.recordedAt().isBefore(end))
              .sorted(Comparator.comparingLong(RecordedOutcome::position))
              .toList();
      if ((lead.acknowledgedAt() != null && lead.acknowledgedAt().isBefore(end))
          || !outcomes.isEmpty()) {
        acknowledged++;
      }
      if (!outcomes.isEmpty()
          && outcomes.get(outcomes.size() - 1).outcome() == LeadOutcome.CASE_FILED) {
        caseFiled++;
      }
    }
    return new LeadsFunnel(leads.size(), delivered, acknowledged, caseFiled);
  }

  /**
   * Every target group, with the campaign's publicity events that addressed it by the day and the
   * units that held them (communities and partners alike).
   */
  private List<GroupCoverage> targetGroups(ScoredCampaign campaign, Instant end) {
    Map<TargetGroup, Integer> events = new EnumMap<>(TargetGroup.class);
    Map<TargetGroup, Set<String>> units = new EnumMap<>(TargetGroup.class);
    mongo
        .find(
            query(where("campaignId").is(campaign.campaignId())),
            PublicityRecord.class,
            generations.live(DashboardProjection.GROUP).of(PublicityRecord.class))
        .stream()
        .filter(p -> p.recordedAt().isBefore(end))
        .forEach(
            p ->
                p.targetGroups().stream()
                    .distinct()
                    .forEach(
                        g -> {
                          events.merge(g, 1, Integer::sum);
                          units.computeIfAbsent(g, x -> new HashSet<>()).add(p.unitId());
                        }));
    Map<TargetGroup, GroupCoverage> coverage = new LinkedHashMap<>();
    for (TargetGroup group : TargetGroup.values()) {
      coverage.put(
          group,
          new GroupCoverage(
              group, events.getOrDefault(group, 0), units.getOrDefault(group, Set.of()).size()));
    }
    return List.copyOf(coverage.values());
  }
}
