package io.fanzha.ledger.query.statistics;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import io.fanzha.ledger.events.ReportStatistics;
import io.fanzha.ledger.query.CollectionNames;
import io.fanzha.ledger.query.Generations;
import io.fanzha.ledger.query.web.BadQuery;
import java.time.YearMonth;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Service;

/**
 * Tallies a campaign's month per community from the recorded events and sets each community's
 * report beside it: publicity events of the campaign held that month (count, audience, materials),
 * and leads discovered that month for the campaign or for none.
 */
@Service
public class Statistics {

  private final MongoTemplate mongo;
  private final CollectionNames names;

  @Autowired
  Statistics(MongoTemplate mongo, Generations generations) {
    this(mongo, generations.live(StatisticsProjection.GROUP));
  }

  /** Reading the collections' own names, as tests of the projection alone do. */
  public Statistics(MongoTemplate mongo) {
    this(mongo, CollectionNames.ORIGINAL);
  }

  private Statistics(MongoTemplate mongo, CollectionNames names) {
    this.mongo = mongo;
    this.names = names;
  }

  /**
   * @param onlyUnitId only this unit's row, or every community's when null
   * @throws NoSuchCampaign when the campaign is not known
   * @throws BadQuery when the month is not one of the campaign
   */
  public StatisticsTable table(String campaignId, YearMonth month, String onlyUnitId) {
    StatisticsCampaign campaign = campaign(campaignId);
    if (!campaign.covers(month)) {
      throw new BadQuery(
          "month",
          "must be a month of the campaign, "
              + YearMonth.from(campaign.startDate())
              + " to "
              + YearMonth.from(campaign.endDate()));
    }
    List<String> unitIds =
        campaign.communityIds().stream()
            .distinct()
            .filter(u -> onlyUnitId == null || onlyUnitId.equals(u))
            .toList();
    Map<String, UnitMonth> months =
        mongo
            .find(
                query(
                    where("_id").in(unitIds.stream().map(u -> UnitMonth.idOf(u, month)).toList())),
                UnitMonth.class,
                names.of(UnitMonth.class))
            .stream()
            .collect(Collectors.toMap(UnitMonth::unitId, Function.identity(), (a, b) -> a));
    Map<String, String> unitNames =
        mongo
            .find(
                query(where("_id").in(unitIds)),
                StatisticsUnit.class,
                names.of(StatisticsUnit.class))
            .stream()
            .filter(u -> u.name() != null)
            .collect(Collectors.toMap(StatisticsUnit::unitId, StatisticsUnit::name, (a, b) -> a));
    List<StatisticsRow> rows =
        unitIds.stream().map(u -> row(campaignId, u, unitNames.get(u), months.get(u))).toList();
    return new StatisticsTable(campaignId, month.toString(), rows);
  }

  /** The campaign's title, for the workbook's heading. */
  public String title(String campaignId) {
    return campaign(campaignId).title();
  }

  private StatisticsCampaign campaign(String campaignId) {
    StatisticsCampaign campaign =
        mongo.findById(campaignId, StatisticsCampaign.class, names.of(StatisticsCampaign.class));
    if (campaign == null) {
      throw new NoSuchCampaign(campaignId);
    }
    return campaign;
  }

  static StatisticsRow row(String campaignId, String unitId, String unitName, UnitMonth month) {
    List<UnitMonth.Activity> activities =
        month == null
            ? List.of()
            : distinct(month.activities(), UnitMonth.Activity::publishEventId).stream()
                .filter(a -> campaignId.equals(a.campaignId()))
                .toList();
    long leads =
        month == null
            ? 0
            : distinct(month.leads(), UnitMonth.Lead::leadId).stream()
                .filter(l -> l.campaignId() == null || campaignId.equals(l.campaignId()))
                .count();
    Tally tally =
        new Tally(
            activities.size(),
            activities.stream().mapToInt(UnitMonth.Activity::audienceCount).sum(),
            activities.stream().mapToInt(UnitMonth.Activity::materialsDistributed).sum(),
            (int) leads);
    List<UnitMonth.Report> reports =
        month == null
            ? List.of()
            : month.reports().stream()
                .filter(r -> campaignId.equals(r.campaignId()))
                .sorted(Comparator.comparingLong(UnitMonth.Report::position))
                .toList();
    // The first report decides whether it came in late; the latest holds the numbers.
    boolean late = !reports.isEmpty() && reports.get(0).late();
    ReportStatistics reported =
        reports.isEmpty() ? null : reports.get(reports.size() - 1).statistics();
    return new StatisticsRow(unitId, unitName, tally, reported, late, differences(tally, reported));
  }

  /** Reported minus tallied, for each tallied field where they differ, in the table's order. */
  static Map<String, Integer> differences(Tally tally, ReportStatistics reported) {
    Map<String, Integer> differences = new LinkedHashMap<>();
    if (reported == null) {
      return differences;
    }
    difference(differences, "eventsHeld", reported.eventsHeld(), tally.eventsHeld());
    difference(differences, "audienceReached", reported.audienceReached(), tally.audienceReached());
    difference(
        differences,
        "materialsDistributed",
        reported.materialsDistributed(),
        tally.materialsDistributed());
    difference(differences, "leadsFound", reported.leadsFound(), tally.leadsFound());
    return differences;
  }

  private static void difference(
      Map<String, Integer> differences, String field, int reported, int tallied) {
    if (reported != tallied) {
      differences.put(field, reported - tallied);
    }
  }

  private static <T> List<T> distinct(List<T> entries, Function<T, String> id) {
    Map<String, T> first = new LinkedHashMap<>();
    entries.stream()
        .filter(e -> id.apply(e) != null)
        .forEach(e -> first.putIfAbsent(id.apply(e), e));
    return List.copyOf(first.values());
  }
}
