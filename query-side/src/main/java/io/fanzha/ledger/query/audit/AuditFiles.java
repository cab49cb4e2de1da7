package io.fanzha.ledger.query.audit;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * The audit trail as files, written row by row as the entries are read: CSV (UTF-8 with a byte
 * order mark, for Excel) and xlsx through POI's streaming workbook, which keeps only a window of
 * rows in memory.
 */
final class AuditFiles {

  static final List<String> HEADERS =
      List.of(
          "position",
          "eventId",
          "occurredAt",
          "type",
          "aggregateType",
          "aggregateId",
          "sequence",
          "actor",
          "role",
          "unitId",
          "requestId",
          "clientAddress",
          "payload");

  private static final String BYTE_ORDER_MARK = "\uFEFF";
  private static final int ROWS_IN_MEMORY = 200;
  private static final ObjectMapper JSON =
      new ObjectMapper()
          .registerModule(new JavaTimeModule())
          .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

  private AuditFiles() {}

  static void csv(Iterator<AuditEntry> entries, OutputStream out) throws IOException {
    Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
    writer.write(BYTE_ORDER_MARK);
    line(writer, new ArrayList<>(HEADERS));
    while (entries.hasNext()) {
      line(writer, cells(entries.next()));
    }
    writer.flush();
  }

  static void xlsx(Iterator<AuditEntry> entries, OutputStream out) throws IOException {
    SXSSFWorkbook workbook = new SXSSFWorkbook(ROWS_IN_MEMORY);
    try {
      Sheet sheet = workbook.createSheet("审计记录");
      Font bold = workbook.createFont();
      bold.setBold(true);
      CellStyle headerStyle = workbook.createCellStyle();
      headerStyle.setFont(bold);
      Row header = sheet.createRow(0);
      for (int c = 0; c < HEADERS.size(); c++) {
        header.createCell(c).setCellValue(HEADERS.get(c));
        header.getCell(c).setCellStyle(headerStyle);
      }
      int r = 1;
      while (entries.hasNext()) {
        AuditEntry entry = entries.next();
        Row row = sheet.createRow(r++);
        row.createCell(0).setCellValue(entry.position());
        List<Object> cells = cells(entry);
        for (int c = 1; c < cells.size(); c++) {
          Object value = cells.get(c);
          if (value instanceof Long number) {
            row.createCell(c).setCellValue(number);
          } else if (value != null) {
            row.createCell(c).setCellValue(value.toString());
          }
        }
      }
      sheet.createFreezePane(0, 1);
      workbook.write(out);
    } finally {
      workbook.close();
    }
  }

  private static List<Object> cells(AuditEntry entry) {
    List<Object> cells = new ArrayList<>();
    cells.add(entry.position());
    cells.add(entry.eventId());
    cells.add(entry.occurredAt() == null ? null : entry.occurredAt().toString());
    cells.add(entry.type());
    cells.add(entry.aggregateType());
    cells.add(entry.aggregateId());
    cells.add(entry.sequence());
    cells.add(entry.actor());
    cells.add(entry.role());
    cells.add(entry.unitId());
    cells.add(entry.requestId());
    cells.add(entry.clientAddress());
    cells.add(payloadJson(entry));
    return cells;
  }

  private static String payloadJson(AuditEntry entry) {
    if (entry.payload() == null) {
      return null;
    }
    try {
      return JSON.writeValueAsString(EventPayloads.readable(entry.payload()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void line(Writer writer, List<Object> cells) throws IOException {
    for (int c = 0; c < cells.size(); c++) {
      if (c > 0) {
        writer.write(',');
      }
      writer.write(field(cells.get(c)));
    }
    writer.write("\r\n");
  }

  /** Quoted where it must be; text a spreadsheet would run as a formula gets an apostrophe. */
  private static String field(Object value) {
    if (value == null) {
      return "";
    }
    if (value instanceof Number) {
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
