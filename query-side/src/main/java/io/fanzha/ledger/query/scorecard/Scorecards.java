package io.fanzha.ledger.query.scorecard;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import io.fanzha.ledger.query.CollectionNames;
import io.fanzha.ledger.query.Generations;
import io.fanzha.ledger.query.LedgerDays;
import io.fanzha.ledger.query.scorecard.rules.Community;
import io.fanzha.ledger.query.scorecard.rules.FraudCase;
import io.fanzha.ledger.query.scorecard.rules.ScoreFact;
import io.fanzha.ledger.query.scorecard.rules.Scorecard;
import io.fanzha.ledger.query.scorecard.rules.ScoringRules;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Service;

/**
 * Reads a campaign's terms and its communities' facts, units and cases by their keys and scores
 * them with {@link ScoringRules}, as of a day: the one asked for, or else the day of the newest
 * event recorded.
 */
@Service
public class Scorecards {

  private final MongoTemplate mongo;
  private final CollectionNames names;

  private final Supplier<Optional<String>> version;
  private final Map<List<Object>, Object> answers = Collections.synchronizedMap(new Answers());

  @Autowired
  Scorecards(MongoTemplate mongo, Generations generations, ScorecardVersion version) {
    this(mongo, generations.live(ScorecardProjection.GROUP), version::current);
  }

  /** Reading the collections' own names and keeping no answers, as tests of the projection do. */
  public Scorecards(MongoTemplate mongo) {
    this(mongo, CollectionNames.ORIGINAL, Optional::empty);
  }

  private Scorecards(
      MongoTemplate mongo, CollectionNames names, Supplier<Optional<String>> version) {
    this.mongo = mongo;
    this.names = names;
    this.version = version;
  }

  /**
   * Dashboards ask for the same standings far more often than facts arrive: an answer is kept under
   * the read model's version and asked again only when an event or a rebuild has changed it.
   */
  @SuppressWarnings("unchecked")
  private <T> T kept(List<Object> question, Supplier<T> compute) {
    Optional<String> now = version.get();
    if (now.isEmpty()) {
      return compute.get();
    }
    List<Object> key = new ArrayList<>(question);
    key.add(now.get());
    Object kept = answers.get(key);
    if (kept == null) {
      kept = compute.get();
      answers.put(key, kept);
    }
    return (T) kept;
  }

  /** The most recent answers, a few hundred at most. */
  private static final class Answers extends LinkedHashMap<List<Object>, Object> {
    private static final int MOST = 256;

    Answers() {
      super(64, 0.75f, true);
    }

    @Override
    protected boolean removeEldestEntry(Map.Entry<List<Object>, Object> eldest) {
      return size() > MOST;
    }
  }

  /** Every launched campaign the scorecards know. */
  public List<ScoredCampaign> campaigns() {
    return mongo.findAll(ScoredCampaign.class, names.of(ScoredCampaign.class)).stream()
        .filter(ScoredCampaign::launched)
        .toList();
  }

  /** The campaign's communities, best score first; equal scores share a rank. */
  public List<ScorecardRow> standings(String campaignId, LocalDate asOf) {
    return kept(
        Arrays.asList("standings", campaignId, asOf), () -> computeStandings(campaignId, asOf));
  }

  /** From every community's scorecard, kept apart, so a dashboard asking both scores once. */
  private List<ScorecardRow> computeStandings(String campaignId, LocalDate asOf) {
    List<ScorecardDetail> scored =
        details(campaignId, asOf).values().stream()
            .sorted(
                Comparator.comparing(ScorecardDetail::score)
                    .reversed()
                    .thenComparing(ScorecardDetail::unitId))
            .toList();
    List<Integer> ranks = ScoringRules.ranks(scored.stream().map(ScorecardDetail::score).toList());
    List<ScorecardRow> rows = new ArrayList<>(scored.size());
    for (int i = 0; i < scored.size(); i++) {
      ScorecardDetail s = scored.get(i);
      rows.add(new ScorecardRow(s.unitId(), s.unitName(), s.score(), s.grade(), ranks.get(i)));
    }
    return rows;
  }

  /** One community's scorecard with every line and the events it rests on. */
  public ScorecardDetail detail(String campaignId, String unitId, LocalDate asOf) {
    return kept(
        Arrays.asList("detail", campaignId, unitId, asOf),
        () -> computeDetail(campaignId, unitId, asOf));
  }

  private ScorecardDetail computeDetail(String campaignId, String unitId, LocalDate asOf) {
    ScoredCampaign campaign = campaign(campaignId, asOf);
    if (!campaign.communityIds().contains(unitId)) {
      throw NoSuchScorecard.unit(campaignId, unitId);
    }
    LocalDate day = dayFor(campaign, asOf);
    Map<String, ScoredUnit> units = unitsOf(List.of(unitId));
    Community community = communitiesOf(campaign, List.of(unitId), units).get(unitId);
    Scorecard scorecard = ScoringRules.score(campaign.terms(), community, day);
    ScoredUnit unit = units.get(unitId);
    return ScorecardDetail.of(campaignId, unitId, unit == null ? null : unit.name(), scorecard);
  }

  /**
   * Every community's scorecard in the campaign, keyed by unit, from one read of their facts: what
   * a dashboard draws each community's months from.
   */
  public Map<String, ScorecardDetail> details(String campaignId, LocalDate asOf) {
    return kept(Arrays.asList("details", campaignId, asOf), () -> computeDetails(campaignId, asOf));
  }

  private Map<String, ScorecardDetail> computeDetails(String campaignId, LocalDate asOf) {
    ScoredCampaign campaign = campaign(campaignId, asOf);
    LocalDate day = dayFor(campaign, asOf);
    List<String> unitIds = campaign.communityIds().stream().distinct().toList();
    Map<String, ScoredUnit> units = unitsOf(unitIds);
    Map<String, Community> communities = communitiesOf(campaign, unitIds, units);
    Map<String, ScorecardDetail> details = new LinkedHashMap<>();
    for (String unitId : unitIds) {
      ScoredUnit unit = units.get(unitId);
      details.put(
          unitId,
          ScorecardDetail.of(
              campaignId,
              unitId,
              unit == null ? null : unit.name(),
              ScoringRules.score(campaign.terms(), communities.get(unitId), day)));
    }
    return Collections.unmodifiableMap(details);
  }

  private ScoredCampaign campaign(String campaignId, LocalDate asOf) {
    ScoredCampaign campaign =
        mongo.findById(campaignId, ScoredCampaign.class, names.of(ScoredCampaign.class));
    if (campaign == null || !campaign.launched()) {
      throw NoSuchScorecard.campaign(campaignId);
    }
    if (asOf != null && !campaign.launchedAt().isBefore(LedgerDays.endOf(asOf))) {
      throw NoSuchScorecard.campaignAsOf(campaignId, asOf);
    }
    return campaign;
  }

  /** The day asked for, or the day of the newest event the scorecards have seen. */
  private LocalDate dayFor(ScoredCampaign campaign, LocalDate asOf) {
    if (asOf != null) {
      return asOf;
    }
    NewestEvent newest =
        mongo.findById(NewestEvent.ID, NewestEvent.class, names.of(NewestEvent.class));
    Instant latest =
        newest == null || newest.recordedAt().isBefore(campaign.launchedAt())
            ? campaign.launchedAt()
            : newest.recordedAt();
    return LedgerDays.dayOf(latest);
  }

  /** Each unit's facts in the campaign, with its population and the cases recorded in it. */
  private Map<String, Community> communitiesOf(
      ScoredCampaign campaign, List<String> unitIds, Map<String, ScoredUnit> units) {
    List<String> keys =
        unitIds.stream().map(u -> UnitFacts.idOf(campaign.campaignId(), u)).toList();
    Map<String, List<ScoreFact>> facts =
        mongo
            .find(query(where("_id").in(keys)), UnitFacts.class, names.of(UnitFacts.class))
            .stream()
            .collect(Collectors.toMap(UnitFacts::unitId, UnitFacts::facts));
    Map<String, List<FraudCase>> cases =
        mongo
            .find(
                query(where("_id").in(unitIds)),
                CommunityCases.class,
                names.of(CommunityCases.class))
            .stream()
            .collect(Collectors.toMap(CommunityCases::communityId, CommunityCases::cases));
    return unitIds.stream()
        .collect(
            Collectors.toMap(
                Function.identity(),
                u ->
                    new Community(
                        units.containsKey(u) ? units.get(u).population() : null,
                        facts.getOrDefault(u, List.of()),
                        cases.getOrDefault(u, List.of())),
                (a, b) -> a));
  }

  private Map<String, ScoredUnit> unitsOf(List<String> unitIds) {
    return mongo
        .find(query(where("_id").in(unitIds)), ScoredUnit.class, names.of(ScoredUnit.class))
        .stream()
        .collect(Collectors.toMap(ScoredUnit::unitId, Function.identity(), (a, b) -> a));
  }
}
