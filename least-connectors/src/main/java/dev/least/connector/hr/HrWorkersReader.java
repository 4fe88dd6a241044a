package dev.least.connector.hr;

import dev.least.connector.json.BadRecordException;
import dev.least.connector.snapshot.ReadContext;
import dev.least.connector.snapshot.SnapshotAccumulator;
import dev.least.connector.snapshot.SnapshotException;
import dev.least.connector.snapshot.SourceReader;
import dev.least.model.HrWorker;
import dev.least.model.WorkerStatus;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Reads {@code hr/workers.csv} (RFC 4180: quoted fields, doubled quotes, CRLF or LF, optional UTF-8
 * BOM). Columns are found by header name, in any order; {@code employee_id} and {@code status} are
 * required, the others optional. A row with a missing id, an unknown status or a bad date is
 * quarantined with its line.
 */
public final class HrWorkersReader implements SourceReader {
  static final String FILE = "hr/workers.csv";

  @Override
  public void read(ReadContext ctx, SnapshotAccumulator acc) {
    Path file = ctx.root().resolve(FILE);
    if (!Files.isRegularFile(file)) {
      return;
    }
    long t0 = System.nanoTime();
    long before = ctx.quarantined();
    long ok = 0;
    try (BufferedReader in =
        new BufferedReader(dev.least.connector.json.JsonInput.openText(file))) {
      CsvRecords csv = new CsvRecords(in);
      List<String> header = csv.next();
      if (header == null) {
        throw new SnapshotException(ctx.relative(file), "empty file, expected a CSV header");
      }
      Map<String, Integer> cols = new HashMap<>();
      for (int i = 0; i < header.size(); i++) {
        cols.put(header.get(i).trim().toLowerCase(Locale.ROOT), i);
      }
      for (String required : List.of("employee_id", "status")) {
        if (!cols.containsKey(required)) {
          throw new SnapshotException(
              ctx.relative(file) + ":1", "header lacks the required column '" + required + "'");
        }
      }
      List<String> row;
      while ((row = csv.next()) != null) {
        long line = csv.recordLine();
        if (row.size() == 1 && row.get(0).isBlank()) {
          continue;
        }
        try {
          acc.workers().add(toWorker(row, cols));
          ok++;
        } catch (BadRecordException e) {
          ctx.quarantine(file, line, e.getMessage(), String.join(",", row));
        }
      }
    } catch (CsvRecords.CsvException e) {
      throw new SnapshotException(ctx.relative(file) + ":" + e.line(), e.getMessage(), e);
    } catch (IOException e) {
      throw new SnapshotException(ctx.relative(file), "cannot read: " + e.getMessage(), e);
    }
    ctx.recordFile(file, "workers", ok, ctx.quarantined() - before, System.nanoTime() - t0);
  }

  private static HrWorker toWorker(List<String> row, Map<String, Integer> cols) {
    String id = field(row, cols, "employee_id");
    if (id == null) {
      throw new BadRecordException("employee_id: missing");
    }
    String status = field(row, cols, "status");
    WorkerStatus ws;
    if (status == null) {
      throw new BadRecordException("status: missing");
    }
    try {
      ws = WorkerStatus.valueOf(status.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new BadRecordException(
          "status: unknown value '" + status + "' (expected Active, Leave or Terminated)");
    }
    return new HrWorker(
        id,
        field(row, cols, "email"),
        field(row, cols, "first_name"),
        field(row, cols, "last_name"),
        ws,
        date(row, cols, "hire_date"),
        date(row, cols, "termination_date"),
        field(row, cols, "department"),
        field(row, cols, "title"),
        field(row, cols, "manager_email"),
        field(row, cols, "location"),
        field(row, cols, "cost_center"),
        field(row, cols, "worker_type"));
  }

  private static @Nullable LocalDate date(
      List<String> row, Map<String, Integer> cols, String name) {
    String v = field(row, cols, name);
    if (v == null) {
      return null;
    }
    try {
      return LocalDate.parse(v);
    } catch (DateTimeParseException e) {
      throw new BadRecordException(name + ": unparsable date '" + v + "' (expected YYYY-MM-DD)");
    }
  }

  private static @Nullable String field(List<String> row, Map<String, Integer> cols, String name) {
    Integer i = cols.get(name);
    if (i == null || i >= row.size()) {
      return null;
    }
    String v = row.get(i).trim();
    return v.isEmpty() ? null : v;
  }

  /** A minimal RFC 4180 record reader that tracks the line each record starts on. */
  static final class CsvRecords {
    private final BufferedReader in;
    private long line;
    private long recordLine;

    CsvRecords(BufferedReader in) {
      this.in = in;
    }

    long recordLine() {
      return recordLine;
    }

    @Nullable List<String> next() throws IOException {
      String text = in.readLine();
      if (text == null) {
        return null;
      }
      line++;
      recordLine = line;
      List<String> fields = new ArrayList<>();
      StringBuilder cur = new StringBuilder();
      boolean quoted = false;
      int i = 0;
      while (true) {
        if (i >= text.length()) {
          if (quoted) {
            String more = in.readLine();
            if (more == null) {
              throw new CsvException(recordLine, "unterminated quoted field");
            }
            line++;
            cur.append('\n');
            text = more;
            i = 0;
            continue;
          }
          fields.add(cur.toString());
          return fields;
        }
        char c = text.charAt(i++);
        if (quoted) {
          if (c == '"') {
            if (i < text.length() && text.charAt(i) == '"') {
              cur.append('"');
              i++;
            } else {
              quoted = false;
            }
          } else {
            cur.append(c);
          }
        } else if (c == '"' && cur.length() == 0) {
          quoted = true;
        } else if (c == ',') {
          fields.add(cur.toString());
          cur.setLength(0);
        } else {
          cur.append(c);
        }
      }
    }

    static final class CsvException extends IOException {
      private static final long serialVersionUID = 1L;
      private final long line;

      CsvException(long line, String message) {
        super(message);
        this.line = line;
      }

      long line() {
        return line;
      }
    }
  }
}
