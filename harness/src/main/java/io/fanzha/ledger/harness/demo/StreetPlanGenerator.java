package io.fanzha.ledger.harness.demo;

import io.fanzha.ledger.harness.demo.StreetPlan.Account;
import io.fanzha.ledger.harness.demo.StreetPlan.Campaign;
import io.fanzha.ledger.harness.demo.StreetPlan.Commendation;
import io.fanzha.ledger.harness.demo.StreetPlan.Evidence;
import io.fanzha.ledger.harness.demo.StreetPlan.Lead;
import io.fanzha.ledger.harness.demo.StreetPlan.Location;
import io.fanzha.ledger.harness.demo.StreetPlan.Penalty;
import io.fanzha.ledger.harness.demo.StreetPlan.Phase;
import io.fanzha.ledger.harness.demo.StreetPlan.PublishEvent;
import io.fanzha.ledger.harness.demo.StreetPlan.Reporter;
import io.fanzha.ledger.harness.demo.StreetPlan.Suspect;
import io.fanzha.ledger.harness.demo.StreetPlan.Unit;
import io.fanzha.ledger.harness.workload.Vocabulary;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * Makes the plan of the demo street (东湖街道: four communities, a police station, a bank branch) for a
 * range of days. Deterministic: the same seed gives the same plan, and every recorded item's body
 * depends only on the seed and the item's id, so plans for overlapping ranges agree on what they
 * share and a second load of either records nothing new.
 *
 * <p>Activity follows fixed cadences: each community holds two publicity events a calendar month,
 * one in each half (a day of 1–14 and one of 15–28, drawn per community and month), so from the
 * 28th on the month holds two per community; one lead by a community and one by the bank branch,
 * one penalty and one commendation every {@value #DECISION_EVERY_DAYS} days. Activity is kept
 * within the campaign year of the range's last day.
 */
public final class StreetPlanGenerator {

  public static final long DEFAULT_SEED = 20_260_101L;
  public static final int DECISION_EVERY_DAYS = 30;

  public static final String STREET_OFFICE_ID = "demo-street";
  public static final String POLICE_STATION_ID = "demo-police-station";
  public static final String BANK_BRANCH_ID = "demo-bank-branch";

  private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;

  private record Community(
      String id, String name, String username, List<Location> places, int population) {}

  private static final List<String> TOPICS =
      List.of("刷单返利", "虚假投资理财", "冒充客服", "冒充公检法", "网络贷款", "网络交友", "虚假购物", "游戏交易");

  private final long seed;
  private final List<Community> communities;

  public StreetPlanGenerator(long seed) {
    this.seed = seed;
    Random populations = random("population");
    this.communities =
        List.of(
            new Community(
                "demo-community-1",
                "东湖社区",
                "donghu",
                List.of(
                    new Location("东湖公园", "PARK"),
                    new Location("东湖农贸市场", "MARKET"),
                    new Location("东湖花园小区", "RESIDENTIAL_COMPOUND"),
                    new Location("东湖路公交站", "BUS_STATION")),
                population(populations)),
            new Community(
                "demo-community-2",
                "西苑社区",
                "xiyuan",
                List.of(
                    new Location("西苑商业街", "COMMERCIAL_STREET"),
                    new Location("西苑小学", "SCHOOL"),
                    new Location("西苑新村", "RESIDENTIAL_COMPOUND"),
                    new Location("工商银行东湖支行", "BANK_BRANCH")),
                population(populations)),
            new Community(
                "demo-community-3",
                "南山社区",
                "nanshan",
                List.of(
                    new Location("南山购物中心", "SHOPPING_CENTER"),
                    new Location("南山社区卫生服务站", "HOSPITAL"),
                    new Location("南山社区居民微信群", "ONLINE"),
                    new Location("南山公园", "PARK")),
                population(populations)),
            new Community(
                "demo-community-4",
                "北街社区",
                "beijie",
                List.of(
                    new Location("火车站北广场", "TRAIN_STATION"),
                    new Location("北街菜市场", "MARKET"),
                    new Location("移动营业厅北街店", "TELECOM_BRANCH"),
                    new Location("北街工业园", "ENTERPRISE")),
                population(populations)));
  }

  public StreetPlanGenerator() {
    this(DEFAULT_SEED);
  }

  /** The plan with the activity held from {@code from} to {@code to}, both inclusive. */
  public StreetPlan generate(LocalDate from, LocalDate to) {
    int year = to.getYear();
    LocalDate first = from.isBefore(LocalDate.of(year, 1, 1)) ? LocalDate.of(year, 1, 1) : from;
    Campaign campaign = campaign(year);

    List<PublishEvent> publishEvents = new ArrayList<>();
    List<Lead> leads = new ArrayList<>();
    List<Penalty> penalties = new ArrayList<>();
    List<Commendation> commendations = new ArrayList<>();
    int leadOffset = random("lead-offset").nextInt(DECISION_EVERY_DAYS);
    int bankLeadOffset = random("bank-lead-offset").nextInt(DECISION_EVERY_DAYS);
    int penaltyOffset = random("penalty-offset").nextInt(DECISION_EVERY_DAYS);
    int commendationOffset = random("commendation-offset").nextInt(DECISION_EVERY_DAYS);
    for (LocalDate day = first; !day.isAfter(to); day = day.plusDays(1)) {
      for (int i = 0; i < communities.size(); i++) {
        if (holdsPublicity(i, day)) {
          publishEvents.add(publishEvent(campaign.id(), i, day));
        }
      }
      if (on(day, leadOffset, DECISION_EVERY_DAYS)) {
        leads.add(communityLead(campaign.id(), day));
      }
      if (on(day, bankLeadOffset, DECISION_EVERY_DAYS)) {
        leads.add(bankLead(campaign.id(), day));
      }
      if (on(day, penaltyOffset, DECISION_EVERY_DAYS)) {
        penalties.add(penalty(campaign.id(), day));
      }
      if (on(day, commendationOffset, DECISION_EVERY_DAYS)) {
        commendations.add(commendation(campaign.id(), day));
      }
    }
    return new StreetPlan(
        units(), campaign, accounts(), publishEvents, leads, penalties, commendations);
  }

  private List<Unit> units() {
    List<Unit> units = new ArrayList<>();
    units.add(new Unit(STREET_OFFICE_ID, "东湖街道办事处", "STREET_OFFICE", null, null));
    for (Community c : communities) {
      units.add(new Unit(c.id(), c.name(), "COMMUNITY", STREET_OFFICE_ID, c.population()));
    }
    units.add(new Unit(POLICE_STATION_ID, "东湖派出所", "POLICE_STATION", STREET_OFFICE_ID, null));
    units.add(new Unit(BANK_BRANCH_ID, "工商银行东湖支行", "BANK_BRANCH", STREET_OFFICE_ID, null));
    return units;
  }

  private List<Account> accounts() {
    List<Account> accounts = new ArrayList<>();
    for (Community c : communities) {
      accounts.add(new Account(c.username(), c.username(), "COMMUNITY", c.id()));
    }
    accounts.add(new Account("icbc-donghu", "icbc-donghu", "PARTNER", BANK_BRANCH_ID));
    return accounts;
  }

  private Campaign campaign(int year) {
    return new Campaign(
        "demo-campaign-" + year,
        year + "年东湖街道防范电信网络诈骗宣传工作方案",
        STREET_OFFICE_ID,
        LocalDate.of(year, 1, 1),
        LocalDate.of(year, 12, 31),
        30,
        LocalDate.of(year, 12, 30),
        communities.stream().map(Community::id).toList(),
        List.of(
            new Phase("动员部署", LocalDate.of(year, 1, 1), LocalDate.of(year, 1, 31)),
            new Phase("集中宣传", LocalDate.of(year, 2, 1), LocalDate.of(year, 11, 30)),
            new Phase("检查总结", LocalDate.of(year, 12, 1), LocalDate.of(year, 12, 31))));
  }

  private PublishEvent publishEvent(String campaignId, int index, LocalDate day) {
    Community community = communities.get(index);
    String id = "demo-pe-" + (index + 1) + "-" + day.format(DAY);
    Random r = random(id);
    Location place = community.places().get(r.nextInt(community.places().size()));
    List<String> formats = pick(r, Vocabulary.FORMATS, 1 + r.nextInt(3));
    if (place.kind().equals("ONLINE")) {
      formats = List.of("SHORT_VIDEO");
    }
    List<String> groups = pick(r, Vocabulary.TARGET_GROUPS, 1 + r.nextInt(2));
    int audience = 30 + r.nextInt(370);
    Integer materials = r.nextInt(4) == 0 ? null : audience + r.nextInt(audience);
    String topic = TOPICS.get(r.nextInt(TOPICS.size()));
    String description = "在" + place.name() + "开展防范电信网络诈骗宣传，重点提示群众警惕" + topic + "类诈骗。";
    List<Evidence> evidence = new ArrayList<>();
    if (r.nextInt(4) != 0) {
      String format = r.nextBoolean() ? "jpeg" : "png";
      EvidencePhoto photo = new EvidencePhoto(r.nextLong(), format, 320, 240);
      evidence.add(new Evidence("PHOTO", id + "." + photo.extension(), photo));
    }
    return new PublishEvent(
        id,
        campaignId,
        community.id(),
        day,
        place,
        formats,
        groups,
        audience,
        materials,
        description,
        evidence);
  }

  private Lead communityLead(String campaignId, LocalDate day) {
    String id = "demo-lead-community-" + day.format(DAY);
    Random r = random(id);
    Community community = communities.get(r.nextInt(communities.size()));
    return new Lead(
        id,
        community.id(),
        campaignId,
        day,
        "ORDER_BRUSHING",
        "入户走访时居民反映接到兼职刷单电话，对方要求先垫付资金，居民未转账。",
        new Suspect(List.of(phone(r, "170"), phone(r, "171")), List.of(), List.of()),
        new Reporter("居民" + (char) ('甲' + r.nextInt(4)), phone(r, "138")));
  }

  private Lead bankLead(String campaignId, LocalDate day) {
    String id = "demo-lead-bank-" + day.format(DAY);
    Random r = random(id);
    return new Lead(
        id,
        BANK_BRANCH_ID,
        campaignId,
        day,
        "FAKE_CUSTOMER_SERVICE",
        "柜面劝阻：客户称接到“快递理赔客服”来电，要求转账至“安全账户”，经劝阻未转账。",
        new Suspect(
            List.of(phone(r, "165")),
            List.of(),
            List.of("http://kf-lipei" + (100 + r.nextInt(900)) + ".example")),
        null);
  }

  private Penalty penalty(String campaignId, LocalDate day) {
    String id = "demo-penalty-" + day.format(DAY);
    Random r = random(id);
    Community community = communities.get(r.nextInt(communities.size()));
    boolean late = r.nextBoolean();
    return new Penalty(
        id,
        campaignId,
        community.id(),
        BigDecimal.valueOf(1 + r.nextInt(3)),
        late ? "LATE_MATERIALS" : "POOR_WORK",
        late ? "月度宣传佐证材料未按时报送。" : "抽查发现宣传展板未按要求布置。",
        List.of(),
        day);
  }

  private Commendation commendation(String campaignId, LocalDate day) {
    String id = "demo-commendation-" + day.format(DAY);
    Random r = random(id);
    Community community = communities.get(r.nextInt(communities.size()));
    return new Commendation(
        id,
        campaignId,
        community.id(),
        BigDecimal.valueOf(1 + r.nextInt(2)),
        "宣传形式新颖，群众参与度高，予以通报表扬。",
        day);
  }

  /** Each community holds two events a month: one on a day of 1–14, one on a day of 15–28. */
  private boolean holdsPublicity(int community, LocalDate day) {
    Random r = random("publicity-days-" + YearMonth.from(day), community);
    int firstHalf = 1 + r.nextInt(14);
    int secondHalf = 15 + r.nextInt(14);
    return day.getDayOfMonth() == firstHalf || day.getDayOfMonth() == secondHalf;
  }

  private static boolean on(LocalDate day, int offset, int every) {
    return Math.floorMod(day.toEpochDay() + offset, every) == 0;
  }

  private static List<String> pick(Random r, List<String> from, int count) {
    Set<String> picked = new LinkedHashSet<>();
    while (picked.size() < count) {
      picked.add(from.get(r.nextInt(from.size())));
    }
    return List.copyOf(picked);
  }

  private static String phone(Random r, String prefix) {
    return prefix + String.format("%08d", r.nextInt(100_000_000));
  }

  private static int population(Random r) {
    return 8_000 + r.nextInt(70) * 100;
  }

  /** A generator of its own for each name, so adding an item never shifts another one's values. */
  private Random random(String name) {
    return new Random(seed * 1_000_003L + name.hashCode());
  }

  private Random random(String name, int index) {
    return random(name + "#" + index);
  }
}
