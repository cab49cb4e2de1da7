package io.fanzha.ledger.harness.torture;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The README's matrix of who may do what, read as data: {@code RoleMatrixTest} on each side holds
 * it equal to the code's endpoint tables, so walking it walks every mapped endpoint.
 */
public final class EndpointMatrix {

  /** The roles in the matrix's column order. */
  public static final List<String> ROLES =
      List.of("STREET_OFFICE", "COMMUNITY", "POLICE", "PARTNER", "LEADERSHIP", "AUDITOR");

  private static final Pattern ROW =
      Pattern.compile("^\\| (command|query) \\| `(\\S+) (\\S+)` \\|(.*)\\|\\s*$");

  /**
   * One row: {@code side} is {@code command} or {@code query}, {@code method} {@code ANY} for any,
   * {@code *} in {@code path} a path variable, {@code allowed} the roles with ✓ or own unit.
   */
  public record Row(String side, String method, String path, List<String> allowed) {

    public boolean isCommandSide() {
      return side.equals("command");
    }
  }

  private EndpointMatrix() {}

  /** The rows of the matrix in {@code readme}. */
  public static List<Row> read(Path readme) {
    List<String> lines;
    try {
      lines = Files.readAllLines(readme, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + readme, e);
    }
    List<Row> rows = new ArrayList<>();
    for (String line : lines) {
      Matcher row = ROW.matcher(line);
      if (!row.matches()) {
        continue;
      }
      String[] cells = row.group(4).split("\\|");
      List<String> allowed = new ArrayList<>();
      for (int i = 0; i < ROLES.size() && i < cells.length; i++) {
        if (!cells[i].trim().equals("—")) {
          allowed.add(ROLES.get(i));
        }
      }
      rows.add(new Row(row.group(1), row.group(2), row.group(3), allowed));
    }
    if (rows.isEmpty()) {
      throw new IllegalStateException("no rows of the matrix in " + readme);
    }
    return rows;
  }
}
