package io.fanzha.ledger.query.statistics;

import io.fanzha.ledger.events.ReportStatistics;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The statistics table as a sheet people fill in and read: Chinese headers, then a line per
 * community with the ledger's tally, the reported table, how the report came in, and the
 * differences. Cells are text or whole numbers; a blank where nothing was reported.
 */
final class StatisticsSheet {

  static final String TITLE = "开展打击防范电信诈骗犯罪活动宣传工作情况统计表";

  static final List<String> HEADERS =
      List.of(
          "单位",
          "单位编号",
          "宣传活动场次（台账）",
          "受众人数（台账）",
          "发放宣传资料（台账）",
          "发现线索（台账）",
          "宣传活动场次（上报）",
          "受众人数（上报）",
          "发放宣传资料（上报）",
          "张贴海报（上报）",
          "发送短信（上报）",
          "屏幕播放（上报）",
          "走访户数（上报）",
          "发现线索（上报）",
          "上报情况",
          "差异（上报−台账）");

  private static final Map<String, String> LABELS =
      Map.of(
          "eventsHeld", "宣传活动场次",
          "audienceReached", "受众人数",
          "materialsDistributed", "发放宣传资料",
          "leadsFound", "发现线索");

  private StatisticsSheet() {}

  /** The cells of each row, in the order of {@link #HEADERS}. */
  static List<List<Object>> rows(StatisticsTable table) {
    return table.rows().stream().map(StatisticsSheet::cells).toList();
  }

  private static List<Object> cells(StatisticsRow row) {
    List<Object> cells = new ArrayList<>(HEADERS.size());
    cells.add(row.unitName() == null ? row.unitId() : row.unitName());
    cells.add(row.unitId());
    Tally tally = row.tally();
    cells.addAll(
        List.of(
            tally.eventsHeld(),
            tally.audienceReached(),
            tally.materialsDistributed(),
            tally.leadsFound()));
    ReportStatistics reported = row.reported();
    if (reported == null) {
      cells.addAll(Arrays.asList(new Object[8]));
      cells.add("未上报");
    } else {
      cells.addAll(
          List.of(
              reported.eventsHeld(),
              reported.audienceReached(),
              reported.materialsDistributed(),
              reported.postersPut(),
              reported.smsSent(),
              reported.screenBroadcasts(),
              reported.householdsVisited(),
              reported.leadsFound()));
      cells.add(row.reportLate() ? "逾期上报" : "按时上报");
    }
    cells.add(
        row.differences().entrySet().stream()
            .map(d -> LABELS.get(d.getKey()) + " " + signed(d.getValue()))
            .collect(Collectors.joining("；")));
    return cells;
  }

  private static String signed(int difference) {
    return difference > 0 ? "+" + difference : Integer.toString(difference);
  }
}
