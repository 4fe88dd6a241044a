package dev.least.connector.roles;

import dev.least.roles.AssignmentMatrix;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads a user × entitlement matrix from a file. {@code .csv}: RFC 4180 {@code user,permission}
 * rows (double quotes allowed), an optional header whose first cell is {@code user}; anything else
 * (the HP Labs {@code .txt} files): two whitespace-separated tokens per line. Blank lines and lines
 * starting with {@code #} are skipped; a UTF-8 BOM is ignored. Anything else is an {@link
 * AssignmentFileException} naming file and line.
 */
public final class AssignmentFileReader {
  private AssignmentFileReader() {}

  /** Whether the file is read as CSV (by extension). */
  public static boolean isCsv(Path file) {
    return file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".csv");
  }

  public static AssignmentMatrix read(Path file) {
    boolean csv = isCsv(file);
    AssignmentMatrix.Builder b = AssignmentMatrix.builder();
    try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      String line;
      long n = 0;
      while ((line = in.readLine()) != null) {
        n++;
        if (n == 1 && line.startsWith("\uFEFF")) {
          line = line.substring(1);
        }
        String t = line.strip();
        if (t.isEmpty() || t.startsWith("#")) {
          continue;
        }
        List<String> cells = csv ? csvCells(file, n, t) : List.of(t.split("\\s+"));
        if (csv && n == 1 && cells.get(0).strip().equalsIgnoreCase("user")) {
          continue;
        }
        if (cells.size() != 2) {
          throw new AssignmentFileException(
              file,
              n,
              "expected 2 "
                  + (csv ? "comma-separated cells (user,permission)" : "tokens (user permission)")
                  + " but found "
                  + cells.size());
        }
        String user = cells.get(0).strip();
        String ent = cells.get(1).strip();
        if (user.isEmpty() || ent.isEmpty()) {
          throw new AssignmentFileException(file, n, "empty user or permission");
        }
        b.add(user, ent);
      }
    } catch (java.nio.charset.MalformedInputException e) {
      throw new AssignmentFileException(file, "not UTF-8 text", e);
    } catch (IOException e) {
      throw new AssignmentFileException(file, "cannot read: " + e.getMessage(), e);
    }
    return b.build();
  }

  private static List<String> csvCells(Path file, long line, String t) {
    List<String> out = new ArrayList<>();
    StringBuilder cell = new StringBuilder();
    boolean quoted = false;
    boolean wasQuoted = false;
    for (int i = 0; i < t.length(); i++) {
      char c = t.charAt(i);
      if (quoted) {
        if (c == '"') {
          if (i + 1 < t.length() && t.charAt(i + 1) == '"') {
            cell.append('"');
            i++;
          } else {
            quoted = false;
          }
        } else {
          cell.append(c);
        }
      } else if (c == '"' && cell.toString().isBlank() && !wasQuoted) {
        quoted = true;
        wasQuoted = true;
        cell.setLength(0);
      } else if (c == ',') {
        out.add(cell.toString());
        cell.setLength(0);
        wasQuoted = false;
      } else if (wasQuoted && !Character.isWhitespace(c)) {
        throw new AssignmentFileException(file, line, "text after a closing quote");
      } else {
        cell.append(c);
      }
    }
    if (quoted) {
      throw new AssignmentFileException(file, line, "unterminated quoted cell");
    }
    out.add(cell.toString());
    return out;
  }
}
