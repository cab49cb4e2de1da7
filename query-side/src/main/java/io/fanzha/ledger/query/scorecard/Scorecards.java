package io.fanzha.ledger.query.scorecard;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import io.fanzha.ledger.query.LedgerDays;
import io.fanzha.ledger.query.scorecard.rules.ScoreFact;
import io.fanzha.ledger.query.scorecard.rules.Scorecard;
import io.fanzha.ledger.query.scorecard.rules.ScoringRules;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Service;

/**
 * Reads a campaign's terms and its communities' facts by their keys and scores them with {@link
 * ScoringRules}, as of a day or as recorded so far.
 */
@Service
public class Scorecards {

  private final MongoTemplate mongo;

  public Scorecards(MongoTemplate mongo) {
    this.mongo = mongo;
  }

  /** The campaign's communities, best score first; equal scores share a rank. */
  public List<ScorecardRow> standings(String campaignId, LocalDate asOf) {
    ScoredCampaign campaign = campaign(campaignId, asOf);
    Map<String, List<ScoreFact>> factsByUnit = factsOf(campaign, campaign.communityIds());
    Map<String, String> names = namesOf(campaign.communityIds());

    record Scored(String unitId, Scorecard scorecard) {}
    List<Scored> scored =
        campaign.communityIds().stream()
            .distinct()
            .map(
                unitId ->
                    new Scored(
                        unitId,
                        ScoringRules.score(
                            campaign.terms(), factsByUnit.getOrDefault(unitId, List.of()), asOf)))
            .sorted(
                Comparator.comparing((Scored s) -> s.scorecard().score())
                    .reversed()
                    .thenComparing(Scored::unitId))
            .toList();
    List<Integer> ranks =
        ScoringRules.ranks(scored.stream().map(s -> s.scorecard().score()).toList());
    List<ScorecardRow> rows = new ArrayList<>(scored.size());
    for (int i = 0; i < scored.size(); i++) {
      Scored s = scored.get(i);
      rows.add(
          new ScorecardRow(
              s.unitId(),
              names.get(s.unitId()),
              s.scorecard().score(),
              s.scorecard().grade(),
              ranks.get(i)));
    }
    return rows;
  }

  /** One community's scorecard with every line and the events it rests on. */
  public ScorecardDetail detail(String campaignId, String unitId, LocalDate asOf) {
    ScoredCampaign campaign = campaign(campaignId, asOf);
    if (!campaign.communityIds().contains(unitId)) {
      throw NoSuchScorecard.unit(campaignId, unitId);
    }
    List<ScoreFact> facts = factsOf(campaign, List.of(unitId)).getOrDefault(unitId, List.of());
    Scorecard scorecard = ScoringRules.score(campaign.terms(), facts, asOf);
    return ScorecardDetail.of(campaignId, unitId, namesOf(List.of(unitId)).get(unitId), scorecard);
  }

  private ScoredCampaign campaign(String campaignId, LocalDate asOf) {
    ScoredCampaign campaign = mongo.findById(campaignId, ScoredCampaign.class);
    if (campaign == null) {
      throw NoSuchScorecard.campaign(campaignId);
    }
    if (asOf != null && !campaign.launchedAt().isBefore(LedgerDays.endOf(asOf))) {
      throw NoSuchScorecard.campaignAsOf(campaignId, asOf);
    }
    return campaign;
  }

  private Map<String, List<ScoreFact>> factsOf(ScoredCampaign campaign, List<String> unitIds) {
    List<String> keys =
        unitIds.stream().map(u -> UnitFacts.idOf(campaign.campaignId(), u)).toList();
    return mongo.find(query(where("_id").in(keys)), UnitFacts.class).stream()
        .collect(Collectors.toMap(UnitFacts::unitId, UnitFacts::facts));
  }

  private Map<String, String> namesOf(List<String> unitIds) {
    return mongo.find(query(where("_id").in(unitIds)), UnitName.class).stream()
        .filter(u -> u.name() != null)
        .collect(Collectors.toMap(UnitName::unitId, UnitName::name, (a, b) -> a));
  }
}
