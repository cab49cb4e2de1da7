package io.fanzha.ledger.query.statistics;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/** The statistics sheet as files to download: CSV for any tool, xlsx for Excel and WPS. */
final class StatisticsFiles {

  /** Tells Excel that the CSV is UTF-8, which it otherwise reads as the local code page. */
  private static final String BYTE_ORDER_MARK = "\uFEFF";

  private static final int TITLE_ROW = 0;
  private static final int MONTH_ROW = 1;
  private static final int HEADER_ROW = 2;

  private StatisticsFiles() {}

  /** RFC 4180 CSV in UTF-8 with a byte order mark: the header row, then a row per community. */
  static byte[] csv(StatisticsTable table) {
    StringBuilder csv = new StringBuilder(BYTE_ORDER_MARK);
    line(csv, List.copyOf(StatisticsSheet.HEADERS));
    StatisticsSheet.rows(table).forEach(cells -> line(csv, cells));
    return csv.toString().getBytes(StandardCharsets.UTF_8);
  }

  /** A workbook with the table's title, the month and campaign, the headers and the rows. */
  static byte[] xlsx(StatisticsTable table, String campaignTitle) {
    try (XSSFWorkbook workbook = new XSSFWorkbook();
        ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      Sheet sheet = workbook.createSheet("统计表");
      int columns = StatisticsSheet.HEADERS.size();

      Font titleFont = workbook.createFont();
      titleFont.setBold(true);
      titleFont.setFontHeightInPoints((short) 16);
      CellStyle titleStyle = workbook.createCellStyle();
      titleStyle.setFont(titleFont);
      titleStyle.setAlignment(HorizontalAlignment.CENTER);
      Cell title = sheet.createRow(TITLE_ROW).createCell(0);
      title.setCellValue(StatisticsSheet.TITLE);
      title.setCellStyle(titleStyle);
      sheet.addMergedRegion(new CellRangeAddress(TITLE_ROW, TITLE_ROW, 0, columns - 1));

      Row month = sheet.createRow(MONTH_ROW);
      month.createCell(0).setCellValue("月份：" + table.month());
      month.createCell(2).setCellValue("工作方案：" + (campaignTitle == null ? "" : campaignTitle));

      Font headerFont = workbook.createFont();
      headerFont.setBold(true);
      CellStyle headerStyle = workbook.createCellStyle();
      headerStyle.setFont(headerFont);
      headerStyle.setWrapText(true);
      Row header = sheet.createRow(HEADER_ROW);
      for (int c = 0; c < columns; c++) {
        Cell cell = header.createCell(c);
        cell.setCellValue(StatisticsSheet.HEADERS.get(c));
        cell.setCellStyle(headerStyle);
        sheet.setColumnWidth(c, (c == columns - 1 ? 40 : 14) * 256);
      }

      List<List<Object>> rows = StatisticsSheet.rows(table);
      for (int r = 0; r < rows.size(); r++) {
        Row row = sheet.createRow(HEADER_ROW + 1 + r);
        List<Object> cells = rows.get(r);
        for (int c = 0; c < cells.size(); c++) {
          Object value = cells.get(c);
          if (value instanceof Integer number) {
            row.createCell(c).setCellValue(number);
          } else if (value != null) {
            row.createCell(c).setCellValue(value.toString());
          }
        }
      }
      sheet.createFreezePane(0, HEADER_ROW + 1);
      workbook.write(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException("could not write the statistics workbook", e);
    }
  }

  private static void line(StringBuilder csv, List<Object> cells) {
    for (int c = 0; c < cells.size(); c++) {
      if (c > 0) {
        csv.append(',');
      }
      csv.append(field(cells.get(c)));
    }
    csv.append("\r\n");
  }

  /**
   * A field quoted where it must be. Text that a spreadsheet would take for a formula gets a
   * leading apostrophe, so a unit's name can never run as one.
   */
  private static String field(Object value) {
    if (value == null) {
      return "";
    }
    if (value instanceof Integer) {
      return value.toString();
    }
    String text = value.toString();
    if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
      text = "'" + text;
    }
    if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
      return '"' + text.replace("\"", "\"\"") + '"';
    }
    return text;
  }
}
