package io.fanzha.ledger.harness.workload;

import io.fanzha.ledger.harness.demo.EvidencePhoto;
import io.fanzha.ledger.harness.demo.StreetPlan.Account;
import io.fanzha.ledger.harness.demo.StreetPlan.Campaign;
import io.fanzha.ledger.harness.demo.StreetPlan.Commendation;
import io.fanzha.ledger.harness.demo.StreetPlan.Lead;
import io.fanzha.ledger.harness.demo.StreetPlan.Location;
import io.fanzha.ledger.harness.demo.StreetPlan.Penalty;
import io.fanzha.ledger.harness.demo.StreetPlan.Phase;
import io.fanzha.ledger.harness.demo.StreetPlan.PublishEvent;
import io.fanzha.ledger.harness.demo.StreetPlan.Reporter;
import io.fanzha.ledger.harness.demo.StreetPlan.Suspect;
import io.fanzha.ledger.harness.demo.StreetPlan.Unit;
import io.fanzha.ledger.harness.workload.Requests.Completion;
import io.fanzha.ledger.harness.workload.Requests.FraudCase;
import io.fanzha.ledger.harness.workload.Requests.Inspection;
import io.fanzha.ledger.harness.workload.Requests.LeadOutcome;
import io.fanzha.ledger.harness.workload.Requests.MonthlyReport;
import io.fanzha.ledger.harness.workload.Requests.Rectification;
import io.fanzha.ledger.harness.workload.Requests.Statistics;
import io.fanzha.ledger.harness.workload.Requests.YearEndReport;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;

/**
 * A year of a street's anti-fraud campaign (a street office, 30 communities of 5,000–20,000
 * residents, a bank branch, a school and a telecom branch for every five communities, a police
 * station), as the requests that record it, month by month.
 *
 * <p>{@link #setup} registers the units, launches the campaign and opens an account per unit (the
 * password is the user name). Then {@link #steps} yields four steps a month, whose clocks are the
 * 8th, 15th and 22nd and the month's report due day at 18:00 (Asia/Shanghai) and whose facts are
 * all dated on or before them, and a last one on 2 January of the next year for December's
 * stragglers. Each step records the publicity events held since the step before (their evidence
 * windows still open) and, a phase later, their photos; the due day's step also records the rest of
 * the month. Per community and month: 2–6 publicity events (93% with a photo; uploaded only when
 * {@code withEvidence}), the monthly report (92% on time, 6% late: sent with the next month's first
 * step, 2% never), leads, fraud cases (by the police, about 2–7.5 a year per 10,000 residents),
 * spot checks (and mid-year and year-end inspections of everyone), rectifications for weak ratings
 * (80% completed in time), penalties and commendations. The police acknowledge 90% of the leads in
 * the step that reports them (well within the 48-hour window) and the rest with the next month's
 * first step, after they have been escalated; they record an outcome for 60% of a month's leads the
 * month after.
 *
 * <p>{@code scale} multiplies the publicity events and leads, which make most of the volume; {@link
 * #sized} chooses it for a target number of events. Deterministic: the same seed, year, scale and
 * evidence flag give the same requests. Streaming: only one month's requests are made at a time.
 */
public final class YearOfAStreet {

  public static final long DEFAULT_SEED = 20_270_401L;
  public static final String STREET_USER = "street";
  public static final String POLICE_USER = "police";
  public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
  public static final int REPORT_DUE_DAY = 30;

  /** The command side's default {@code fanzha.leads.acknowledge-within}: 48 hours. */
  public static final int LEAD_ACKNOWLEDGEMENT_DAYS = 2;

  public static final int COMMUNITIES = 30;
  public static final int COMMUNITIES_PER_PARTNER = 5;

  /** An event's evidence window closes at the end of this many days after it was held. */
  public static final int EVIDENCE_WINDOW_DAYS = 7;

  private static final LocalTime STEP_TIME = LocalTime.of(18, 0);
  private static final List<Integer> WEEKLY_STEP_DAYS = List.of(8, 15, 22);

  private static final List<String> NAMES =
      List.of(
          "东湖", "西苑", "南山", "北街", "青松", "翠竹", "金桥", "银杏", "紫荆", "丹桂", "柳岸", "梅园", "兰亭", "桃源", "杏林",
          "枫林", "荷塘", "芙蓉", "海棠", "石榴", "朝阳", "长虹", "新华", "和平", "幸福", "光明", "锦绣", "春晖", "康乐", "永安");

  private static final List<String[]> PLACES =
      List.of(
          new String[] {"公园", "PARK"},
          new String[] {"农贸市场", "MARKET"},
          new String[] {"花园小区", "RESIDENTIAL_COMPOUND"},
          new String[] {"路公交站", "BUS_STATION"},
          new String[] {"商业街", "COMMERCIAL_STREET"},
          new String[] {"社区卫生服务站", "HOSPITAL"},
          new String[] {"社区居民微信群", "ONLINE"},
          new String[] {"购物中心", "SHOPPING_CENTER"});

  private static final List<String> CATEGORIES =
      List.of(
          "ORDER_BRUSHING",
          "FAKE_INVESTMENT",
          "FAKE_CUSTOMER_SERVICE",
          "IMPERSONATING_AUTHORITIES",
          "ONLINE_LOAN",
          "ONLINE_DATING",
          "FAKE_SHOPPING",
          "GAME_TRADING",
          "OTHER");

  private static final List<String> TOPICS =
      List.of("刷单返利", "虚假投资理财", "冒充客服", "冒充公检法", "网络贷款", "网络交友", "虚假购物", "游戏交易");

  /** A unit with its account (none for the street office and the police station). */
  private record Member(Unit unit, String username, String role, double casesPerTenThousand) {
    String id() {
      return unit.id();
    }

    boolean isCommunity() {
      return unit.kind().equals("COMMUNITY");
    }
  }

  private final long seed;
  private final int year;
  private final double scale;
  private final boolean withEvidence;
  private final String prefix;
  private final String campaignId;
  private final Unit streetOffice;
  private final Unit policeStation;
  private final List<Member> communities = new ArrayList<>();
  private final List<Member> partners = new ArrayList<>();

  /**
   * @param year the campaign's year (1 January to 31 December)
   * @param scale how many times the base number of publicity events and leads (≥ 0.05)
   * @param withEvidence whether the evidence photos are uploaded (one request and event each)
   */
  public YearOfAStreet(long seed, int year, double scale, boolean withEvidence) {
    if (!(scale >= 0.05)) {
      throw new IllegalArgumentException("scale must be at least 0.05, not " + scale);
    }
    this.seed = seed;
    this.year = year;
    this.scale = scale;
    this.withEvidence = withEvidence;
    this.prefix = "y" + year;
    this.campaignId = prefix + "-fz";
    this.streetOffice = new Unit(prefix + "-street", "东湖街道办事处", "STREET_OFFICE", null, null);
    this.policeStation =
        new Unit(prefix + "-police", "东湖派出所", "POLICE_STATION", streetOffice.id(), null);
    SplittableRandom r = random("units", 0, 0);
    for (int i = 0; i < COMMUNITIES; i++) {
      String id = String.format("%s-c%02d", prefix, i + 1);
      int population = 5_000 + r.nextInt(151) * 100;
      communities.add(
          new Member(
              new Unit(id, NAMES.get(i) + "社区", "COMMUNITY", streetOffice.id(), population),
              id,
              "COMMUNITY",
              2.0 + r.nextDouble() * 5.5));
    }
    for (int g = 0; g < COMMUNITIES / COMMUNITIES_PER_PARTNER; g++) {
      String place = NAMES.get(g * COMMUNITIES_PER_PARTNER);
      partners.add(partner(g, "bank", "工商银行" + place + "支行", "BANK_BRANCH"));
      partners.add(partner(g, "school", place + "小学", "SCHOOL"));
      partners.add(partner(g, "telecom", "中国移动" + place + "营业厅", "TELECOM_BRANCH"));
    }
  }

  /**
   * The year whose expected number of events (requests accepted plus the deadlines they cause) is
   * close to {@code targetEvents}; at least {@code 0.05} times the base year (about 1,300 events).
   */
  public static YearOfAStreet sized(long seed, int year, long targetEvents, boolean withEvidence) {
    long one = new YearOfAStreet(seed, year, 1.0, withEvidence).expectedEvents();
    long two = new YearOfAStreet(seed, year, 2.0, withEvidence).expectedEvents();
    long perScale = Math.max(1, two - one);
    long fixed = one - perScale;
    double scale = Math.max(0.05, (double) (targetEvents - fixed) / perScale);
    return new YearOfAStreet(seed, year, scale, withEvidence);
  }

  private Member partner(int group, String kind, String name, String unitKind) {
    String id = prefix + "-" + kind + (group + 1);
    return new Member(new Unit(id, name, unitKind, streetOffice.id(), null), id, "PARTNER", 0);
  }

  public int year() {
    return year;
  }

  public double scale() {
    return scale;
  }

  public String campaignId() {
    return campaignId;
  }

  public List<Unit> communities() {
    return communities.stream().map(Member::unit).toList();
  }

  /** Every account the setup opens (password = user name). */
  public List<Account> accounts() {
    List<Account> accounts = new ArrayList<>();
    for (Member m : communities) {
      accounts.add(new Account(m.username(), m.username(), m.role(), m.id()));
    }
    for (Member m : partners) {
      accounts.add(new Account(m.username(), m.username(), m.role(), m.id()));
    }
    return accounts;
  }

  public Campaign campaign() {
    return new Campaign(
        campaignId,
        year + "年东湖街道防范电信网络诈骗宣传工作方案",
        streetOffice.id(),
        LocalDate.of(year, 1, 1),
        LocalDate.of(year, 12, 31),
        REPORT_DUE_DAY,
        yearEndReportDue(),
        communities.stream().map(Member::id).toList(),
        List.of(
            new Phase("动员部署", LocalDate.of(year, 1, 1), LocalDate.of(year, 2, 28)),
            new Phase("集中宣传", LocalDate.of(year, 3, 1), LocalDate.of(year, 10, 31)),
            new Phase("检查总结", LocalDate.of(year, 11, 1), LocalDate.of(year, 12, 31))));
  }

  /**
   * Units (the street office first), the campaign, then the accounts, as the street office; no
   * clock move is needed before them.
   */
  public List<List<WorkItem>> setup() {
    List<WorkItem> others = new ArrayList<>();
    for (Member m : communities) {
      others.add(WorkItem.post("unit", STREET_USER, "/api/units", m.unit()));
    }
    for (Member m : partners) {
      others.add(WorkItem.post("unit", STREET_USER, "/api/units", m.unit()));
    }
    others.add(WorkItem.post("unit", STREET_USER, "/api/units", policeStation));
    List<WorkItem> accounts =
        accounts().stream()
            .map(a -> WorkItem.post("account", STREET_USER, "/api/accounts", a))
            .toList();
    return List.of(
        List.of(WorkItem.post("unit", STREET_USER, "/api/units", streetOffice)),
        others,
        List.of(WorkItem.post("campaign", STREET_USER, "/api/campaigns", campaign())),
        accounts);
  }

  /** The 49 steps of the year, a month's made when its first is asked for. */
  public Iterable<MonthOfWork> steps() {
    return () -> new Steps();
  }

  /** Events recorded by the setup, every request and every deadline (an estimate), by streaming. */
  public long expectedEvents() {
    long events = setup().stream().flatMap(List::stream).mapToInt(WorkItem::events).sum();
    for (MonthOfWork step : steps()) {
      events += step.commandEvents() + step.deadlineEvents();
    }
    return events;
  }

  /**
   * {@code count} more publicity events, one community after another, each sent by the community's
   * own account, with ids of their own under {@code tag} (e.g. {@code y2027-c01-pe-open-00031}):
   * fresh requests of the year's most frequent kind, for after the year (the clock on 2 January of
   * the next year). They were held in the campaign's last six days, so that no evidence window of
   * theirs closes before the clock moves on: recording them causes no deadline.
   */
  public List<WorkItem> morePublicityEvents(String tag, int count) {
    List<WorkItem> items = new ArrayList<>(count);
    LocalDate lastDay = LocalDate.of(year, 12, 31);
    SplittableRandom r = random("more-" + tag, 12, 0);
    for (int i = 0; i < count; i++) {
      Member m = communities.get(i % communities.size());
      String id = String.format("%s-pe-%s-%05d", m.id(), tag, i + 1);
      PublishEvent event = publishEvent(r, m, id, lastDay.minusDays(r.nextInt(6)));
      items.add(WorkItem.post("publish-event", m.username(), "/api/publish-events", event));
    }
    return items;
  }

  private LocalDate yearEndReportDue() {
    return LocalDate.of(year, 12, 30);
  }

  /**
   * The days of a month's steps: the 8th, 15th and 22nd, then the report due date. Seven days or
   * fewer apart, and a month's publicity events are held by its due date, so each event is recorded
   * within seven days of being held.
   */
  public static List<LocalDate> stepDays(YearMonth month) {
    List<LocalDate> days = new ArrayList<>();
    for (int day : WEEKLY_STEP_DAYS) {
      days.add(month.atDay(day));
    }
    days.add(dueDate(month));
    return days;
  }

  /** The report due date of a month: the due day, or the month's last day when it is shorter. */
  public static LocalDate dueDate(YearMonth month) {
    return month.atDay(Math.min(REPORT_DUE_DAY, month.lengthOfMonth()));
  }

  private final class Steps implements Iterator<MonthOfWork> {
    private int nextMonth = 1;
    private final Deque<MonthOfWork> made = new ArrayDeque<>();
    private List<WorkItem> lateReports = List.of();
    private List<String> leadIds = List.of();
    private List<WorkItem> lateAcknowledgements = List.of();
    // the days at whose start time-based facts fall due (how many): a clock move past them records
    // them
    private final TreeMap<LocalDate, Integer> deadlines = new TreeMap<>();

    @Override
    public boolean hasNext() {
      return !made.isEmpty() || nextMonth <= 13;
    }

    @Override
    public MonthOfWork next() {
      if (!hasNext()) {
        throw new NoSuchElementException();
      }
      if (made.isEmpty()) {
        int index = nextMonth++;
        if (index <= 12) {
          made.addAll(month(YearMonth.of(year, index)));
        } else {
          made.add(last());
        }
      }
      return made.poll();
    }

    private void fallsDue(LocalDate day) {
      deadlines.merge(day, 1, Integer::sum);
    }

    /** The deadlines a clock moved to {@code day} at 18:00 records, taken off the list. */
    private int firedBy(LocalDate day) {
      Map<LocalDate, Integer> due = deadlines.headMap(day, true);
      int fired = due.values().stream().mapToInt(Integer::intValue).sum();
      due.clear();
      return fired;
    }

    private List<MonthOfWork> month(YearMonth month) {
      LocalDate today = dueDate(month);
      List<LocalDate> days = stepDays(month);
      // per step of the month: the publicity events held since the step before, then their photos
      List<List<WorkItem>> published = new ArrayList<>();
      List<List<WorkItem>> photos = new ArrayList<>();
      for (int i = 0; i < days.size(); i++) {
        published.add(new ArrayList<>());
        photos.add(new ArrayList<>());
      }
      List<WorkItem> a = new ArrayList<>(outcomes(month.minusMonths(1), leadIds));
      List<WorkItem> b = new ArrayList<>();
      List<WorkItem> c = new ArrayList<>();
      List<WorkItem> late = new ArrayList<>();
      List<String> leads = new ArrayList<>();
      fallsDue(month.plusMonths(1).atDay(1)); // the month closes
      for (Member m : communities) {
        SplittableRandom r = random("community", month.getMonthValue(), communities.indexOf(m));
        int base = r.nextInt(100) < 3 ? 0 : 2 + r.nextInt(5);
        int events = stochastic(r, base * scale);
        for (int i = 0; i < events; i++) {
          publish(m, publishEvent(r, m, month, today, i), days, published, photos);
        }
        int leadCount = stochastic(r, 0.8 * scale);
        for (int i = 0; i < leadCount; i++) {
          Lead lead = lead(r, m, month, today, i);
          a.add(WorkItem.post("lead", m.username(), "/api/fraud-leads", lead));
          leads.add(lead.id());
        }
        SplittableRandom f =
            random("community-fixed", month.getMonthValue(), communities.indexOf(m));
        int roll = f.nextInt(100);
        WorkItem report = monthlyReport(f, m, month, events, leadCount);
        if (roll < 92) {
          a.add(report);
        } else if (roll < 98) {
          late.add(report);
          fallsDue(today.plusDays(1));
        } else {
          fallsDue(today.plusDays(1));
        }
        int cases =
            stochastic(f, m.unit().population() / 10_000.0 * m.casesPerTenThousand() / 12.0);
        for (int i = 0; i < cases; i++) {
          a.add(
              WorkItem.post(
                  "fraud-case", POLICE_USER, "/api/fraud-cases", fraudCase(f, m, today, month, i)));
        }
        String kind =
            month.getMonthValue() == 6
                ? "MID_YEAR"
                : month.getMonthValue() == 12
                    ? "YEAR_END"
                    : f.nextInt(100) < 25 ? "SPOT_CHECK" : null;
        if (kind != null) {
          Inspection inspection = inspection(f, m, month, today, kind);
          a.add(WorkItem.post("inspection", STREET_USER, "/api/inspections", inspection));
          boolean weak =
              inspection.rating().equals("FAIL")
                  || (inspection.rating().equals("PASS") && f.nextBoolean());
          if (weak) {
            String id = inspection.id().replace("-insp-", "-rect-");
            LocalDate rectifyBy = today.plusDays(7 + f.nextInt(14));
            b.add(
                WorkItem.post(
                    "rectification",
                    STREET_USER,
                    "/api/rectifications",
                    new Rectification(
                        id,
                        campaignId,
                        m.id(),
                        inspection.id(),
                        "针对检查发现的问题限期整改：补齐宣传台账和活动照片，增设宣传展板。",
                        rectifyBy)));
            if (f.nextInt(100) < 80) {
              c.add(
                  WorkItem.post(
                      "rectification-completion",
                      m.username(),
                      "/api/rectifications/" + id + "/completion",
                      new Completion("已按要求完成整改，台账和照片已补齐。")));
            } else {
              fallsDue(rectifyBy.plusDays(1)); // overdue
            }
          }
        }
        if (f.nextInt(100) < 7) {
          a.add(WorkItem.post("penalty", STREET_USER, "/api/penalties", penalty(f, m, month)));
        }
        if (f.nextInt(100) < 8) {
          a.add(
              WorkItem.post(
                  "commendation", STREET_USER, "/api/commendations", commendation(f, m, month)));
        }
        if (month.getMonthValue() == 12) {
          if (f.nextInt(100) < 90) {
            a.add(
                WorkItem.post(
                    "year-end-report",
                    m.username(),
                    "/api/year-end-reports",
                    new YearEndReport(
                        campaignId, m.id(), statistics(f, 12 * 4, 12), year + "年度防范电信网络诈骗宣传工作总结")));
          } else {
            fallsDue(yearEndReportDue().plusDays(1));
          }
        }
      }
      for (Member m : partners) {
        SplittableRandom r = random("partner", month.getMonthValue(), partners.indexOf(m));
        // linear in the scale, so that sized() can solve for it
        int events = stochastic(r, 1.5 * (0.75 + 0.25 * scale));
        for (int i = 0; i < events; i++) {
          publish(m, publishEvent(r, m, month, today, i), days, published, photos);
        }
        double leadRate =
            switch (m.unit().kind()) {
              case "BANK_BRANCH" -> 0.5;
              case "TELECOM_BRANCH" -> 0.3;
              default -> 0.1;
            };
        int leadCount = stochastic(r, leadRate * scale);
        for (int i = 0; i < leadCount; i++) {
          Lead lead = lead(r, m, month, today, i);
          a.add(WorkItem.post("lead", m.username(), "/api/fraud-leads", lead));
          leads.add(lead.id());
        }
      }
      List<WorkItem> acknowledged = new ArrayList<>();
      List<WorkItem> lateAcknowledged = new ArrayList<>();
      SplittableRandom police = random("acknowledgements", month.getMonthValue(), 0);
      for (String id : leads) {
        WorkItem acknowledgement =
            WorkItem.post(
                "lead-acknowledgement",
                POLICE_USER,
                "/api/fraud-leads/" + id + "/acknowledgement",
                Map.of());
        if (police.nextInt(100) < 90) {
          acknowledged.add(acknowledgement);
        } else {
          lateAcknowledged.add(acknowledgement);
          // reported at the due day's step, escalated 48 hours later
          fallsDue(today.plusDays(LEAD_ACKNOWLEDGEMENT_DAYS));
        }
      }
      List<MonthOfWork> steps = new ArrayList<>();
      for (int i = 0; i < days.size(); i++) {
        LocalDate day = days.get(i);
        List<WorkItem> first = new ArrayList<>();
        if (i == 0) {
          first.addAll(lateReports); // a week or so after their due day
          first.addAll(lateAcknowledgements); // before their outcomes, at the due day
        }
        first.addAll(published.get(i));
        if (i < days.size() - 1) {
          steps.add(
              new MonthOfWork(month, clockAt(day), nonEmpty(first, photos.get(i)), firedBy(day)));
        } else {
          first.addAll(a);
          List<WorkItem> second = new ArrayList<>(photos.get(i));
          second.addAll(b);
          second.addAll(acknowledged);
          steps.add(new MonthOfWork(month, clockAt(day), nonEmpty(first, second, c), firedBy(day)));
        }
      }
      lateReports = late;
      leadIds = leads;
      lateAcknowledgements = lateAcknowledged;
      return steps;
    }

    /**
     * Records the event with the month's step that first follows its day, and its photo (when
     * uploaded) right after it in the same step: both before its evidence window closes.
     */
    private void publish(
        Member m,
        PublishEvent event,
        List<LocalDate> days,
        List<List<WorkItem>> published,
        List<List<WorkItem>> photos) {
      int step = 0;
      while (days.get(step).isBefore(event.heldOn())) {
        step++;
      }
      published
          .get(step)
          .add(WorkItem.post("publish-event", m.username(), "/api/publish-events", event));
      fallsDue(event.heldOn().plusDays(EVIDENCE_WINDOW_DAYS + 1)); // its evidence window closes
      if (withEvidence) {
        for (var evidence : event.evidence()) {
          photos.get(step).add(WorkItem.upload(m.username(), event.id(), evidence.photo()));
        }
      }
    }

    /**
     * December's stragglers on 2 January; deadlines still ahead then (windows of the last days'
     * events, rectifications due later) are not counted: the clock stops there.
     */
    private MonthOfWork last() {
      YearMonth december = YearMonth.of(year, 12);
      LocalDate day = LocalDate.of(year + 1, 1, 2);
      List<WorkItem> a = new ArrayList<>(lateReports);
      a.addAll(lateAcknowledgements);
      List<WorkItem> outcomes = outcomes(december, leadIds);
      MonthOfWork work =
          new MonthOfWork(
              december.plusMonths(1), clockAt(day), nonEmpty(a, outcomes), firedBy(day));
      deadlines.clear();
      lateReports = List.of();
      lateAcknowledgements = List.of();
      leadIds = List.of();
      return work;
    }

    private List<WorkItem> outcomes(YearMonth month, List<String> ids) {
      List<WorkItem> outcomes = new ArrayList<>();
      SplittableRandom r = random("outcomes", month.getMonthValue(), 0);
      for (String id : ids) {
        if (r.nextInt(100) >= 60) {
          continue;
        }
        int roll = r.nextInt(100);
        String outcome =
            roll < 25
                ? "CASE_FILED"
                : roll < 55 ? "INVALID" : roll < 65 ? "DUPLICATE" : "UNDER_INVESTIGATION";
        outcomes.add(
            WorkItem.post(
                "lead-outcome",
                POLICE_USER,
                "/api/fraud-leads/" + id + "/outcome",
                new LeadOutcome(outcome, "派出所核查反馈")));
      }
      return outcomes;
    }
  }

  @SafeVarargs
  private static List<List<WorkItem>> nonEmpty(List<WorkItem>... phases) {
    List<List<WorkItem>> kept = new ArrayList<>();
    for (List<WorkItem> phase : phases) {
      if (!phase.isEmpty()) {
        kept.add(phase);
      }
    }
    return kept;
  }

  private static OffsetDateTime clockAt(LocalDate day) {
    return day.atTime(STEP_TIME).atZone(ZONE).toOffsetDateTime();
  }

  private PublishEvent publishEvent(
      SplittableRandom r, Member m, YearMonth month, LocalDate today, int index) {
    String id = String.format("%s-pe-%04d%02d-%d", m.id(), year, month.getMonthValue(), index + 1);
    return publishEvent(r, m, id, month.atDay(1 + r.nextInt(today.getDayOfMonth())));
  }

  private PublishEvent publishEvent(SplittableRandom r, Member m, String id, LocalDate day) {
    String[] place = PLACES.get(r.nextInt(PLACES.size()));
    String placeName =
        m.isCommunity() ? m.unit().name().replace("社区", "") + place[0] : m.unit().name();
    String placeKind = m.isCommunity() ? place[1] : m.unit().kind();
    List<String> formats =
        placeKind.equals("ONLINE")
            ? List.of("SHORT_VIDEO")
            : pick(r, Vocabulary.FORMATS, 1 + r.nextInt(3));
    List<String> groups = pick(r, Vocabulary.TARGET_GROUPS, 1 + r.nextInt(2));
    int audience = 20 + r.nextInt(380);
    Integer materials = r.nextInt(4) == 0 ? null : audience + r.nextInt(audience);
    String topic = TOPICS.get(r.nextInt(TOPICS.size()));
    List<io.fanzha.ledger.harness.demo.StreetPlan.Evidence> evidence = new ArrayList<>();
    if (r.nextInt(100) < 93) {
      EvidencePhoto photo = new EvidencePhoto(r.nextLong(), "png", 64, 48);
      evidence.add(
          new io.fanzha.ledger.harness.demo.StreetPlan.Evidence("PHOTO", id + ".png", photo));
    }
    return new PublishEvent(
        id,
        campaignId,
        m.id(),
        day,
        new Location(placeName, placeKind),
        formats,
        groups,
        audience,
        materials,
        "在" + placeName + "开展防范电信网络诈骗宣传，重点提示群众警惕" + topic + "类诈骗。",
        evidence);
  }

  private Lead lead(SplittableRandom r, Member m, YearMonth month, LocalDate today, int index) {
    String id =
        String.format("%s-lead-%04d%02d-%d", m.id(), year, month.getMonthValue(), index + 1);
    String category = CATEGORIES.get(r.nextInt(CATEGORIES.size()));
    boolean withReporter = m.isCommunity() && r.nextBoolean();
    List<String> urls =
        r.nextInt(3) == 0 ? List.of("http://lead" + r.nextInt(100_000) + ".example") : List.of();
    return new Lead(
        id,
        m.id(),
        campaignId,
        month.atDay(1 + r.nextInt(today.getDayOfMonth())),
        category,
        m.isCommunity() ? "入户走访时居民反映接到可疑电话，对方诱导转账，居民未转账。" : "柜面劝阻：客户称接到可疑来电要求转账，经劝阻未转账。",
        new Suspect(List.of(phone(r, "170")), List.of(), urls),
        withReporter ? new Reporter("居民" + (char) ('甲' + r.nextInt(10)), phone(r, "138")) : null);
  }

  private WorkItem monthlyReport(
      SplittableRandom r, Member m, YearMonth month, int events, int leads) {
    return WorkItem.post(
        "monthly-report",
        m.username(),
        "/api/monthly-reports",
        new MonthlyReport(
            campaignId,
            m.id(),
            month.toString(),
            statistics(r, events, leads),
            month.getMonthValue() + "月防范电信网络诈骗宣传工作小结"));
  }

  private static Statistics statistics(SplittableRandom r, int events, int leads) {
    int audience = events * (50 + r.nextInt(200));
    return new Statistics(
        events,
        audience,
        audience + r.nextInt(audience + 1),
        r.nextInt(30),
        r.nextInt(2_000),
        r.nextInt(20),
        r.nextInt(300),
        leads);
  }

  private FraudCase fraudCase(
      SplittableRandom r, Member m, LocalDate today, YearMonth month, int index) {
    String id =
        String.format("%s-case-%04d%02d-%d", m.id(), year, month.getMonthValue(), index + 1);
    return new FraudCase(
        id,
        m.id(),
        month.atDay(1 + r.nextInt(today.getDayOfMonth())),
        CATEGORIES.get(r.nextInt(CATEGORIES.size())),
        BigDecimal.valueOf(500 + r.nextInt(200_000)),
        Vocabulary.TARGET_GROUPS.get(r.nextInt(Vocabulary.TARGET_GROUPS.size())));
  }

  private Inspection inspection(
      SplittableRandom r, Member m, YearMonth month, LocalDate today, String kind) {
    int roll = r.nextInt(100);
    String rating = roll < 20 ? "EXCELLENT" : roll < 60 ? "GOOD" : roll < 90 ? "PASS" : "FAIL";
    return new Inspection(
        String.format("%s-insp-%04d%02d", m.id(), year, month.getMonthValue()),
        campaignId,
        m.id(),
        kind,
        month.atDay(1 + r.nextInt(today.getDayOfMonth())),
        switch (rating) {
          case "EXCELLENT" -> "宣传阵地规范，台账完整，群众知晓率高。";
          case "GOOD" -> "宣传展板齐全，台账基本完整。";
          case "PASS" -> "展板齐全，台账缺少部分活动照片。";
          default -> "未见宣传展板，台账缺失。";
        },
        rating);
  }

  private Penalty penalty(SplittableRandom r, Member m, YearMonth month) {
    boolean late = r.nextBoolean();
    return new Penalty(
        String.format("%s-pen-%04d%02d", m.id(), year, month.getMonthValue()),
        campaignId,
        m.id(),
        BigDecimal.valueOf(1 + r.nextInt(3)),
        late ? "LATE_MATERIALS" : "POOR_WORK",
        late ? "月度宣传佐证材料未按时报送。" : "抽查发现宣传展板未按要求布置。",
        List.of(),
        null);
  }

  private Commendation commendation(SplittableRandom r, Member m, YearMonth month) {
    return new Commendation(
        String.format("%s-com-%04d%02d", m.id(), year, month.getMonthValue()),
        campaignId,
        m.id(),
        BigDecimal.valueOf(1 + r.nextInt(2)),
        "宣传形式新颖，群众参与度高，予以通报表扬。",
        null);
  }

  /** {@code floor(mean)} plus one with the probability of its fraction. */
  private static int stochastic(SplittableRandom r, double mean) {
    int whole = (int) Math.floor(mean);
    return whole + (r.nextDouble() < mean - whole ? 1 : 0);
  }

  private static List<String> pick(SplittableRandom r, List<String> from, int count) {
    Set<String> picked = new LinkedHashSet<>();
    while (picked.size() < count) {
      picked.add(from.get(r.nextInt(from.size())));
    }
    return List.copyOf(picked);
  }

  private static String phone(SplittableRandom r, String prefix) {
    return prefix + String.format("%08d", r.nextInt(100_000_000));
  }

  /** A stream of its own per purpose, month and member, so one never shifts another. */
  private SplittableRandom random(String purpose, int month, int member) {
    long h = seed;
    h = h * 0x9E3779B97F4A7C15L + purpose.hashCode();
    h = h * 0x9E3779B97F4A7C15L + month;
    h = h * 0x9E3779B97F4A7C15L + member;
    h = h * 0x9E3779B97F4A7C15L + year;
    return new SplittableRandom(h);
  }
}
