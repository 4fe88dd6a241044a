package dev.least.connector.terraform;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * One HCL block ({@code resource "type" "name" { … }}) built item by item and rendered exactly as
 * {@code terraform fmt} lays it out: two-space indent, the {@code =} of consecutive one-line
 * attributes aligned, one blank line between a nested block and whatever is next to it.
 */
final class HclBlock {
  private sealed interface Item permits Attr, Nested {}

  private record Attr(String name, String value) implements Item {}

  private record Nested(HclBlock block) implements Item {}

  private final String header;
  private final List<Item> items = new ArrayList<>();

  /** A block with a type and labels, e.g. {@code ("resource", "okta_user", "u1")}. */
  HclBlock(String type, String... labels) {
    StringBuilder b = new StringBuilder(requireNonNull(type, "type"));
    for (String l : labels) {
      b.append(' ').append(string(l));
    }
    this.header = b.toString();
  }

  /** An attribute whose value is a string. */
  HclBlock str(String name, String value) {
    return raw(name, string(value));
  }

  /** A string attribute if the value is present; nothing otherwise. */
  HclBlock strIfPresent(String name, @Nullable String value) {
    return value == null ? this : str(name, value);
  }

  /** An attribute whose value is a list of strings, on one line. */
  HclBlock strings(String name, List<String> values) {
    List<String> quoted = new ArrayList<>();
    values.forEach(v -> quoted.add(string(v)));
    return raw(name, "[" + String.join(", ", quoted) + "]");
  }

  HclBlock bool(String name, boolean value) {
    return raw(name, String.valueOf(value));
  }

  HclBlock number(String name, long value) {
    return raw(name, String.valueOf(value));
  }

  /** An attribute with a value already in HCL syntax (a reference, say). */
  HclBlock raw(String name, String hcl) {
    if (!name.matches("[A-Za-z_][A-Za-z0-9_-]*")) {
      throw new IllegalArgumentException("not an HCL identifier: '" + name + "'");
    }
    items.add(new Attr(name, requireNonNull(hcl, "hcl")));
    return this;
  }

  /** A nested block, returned for filling. */
  HclBlock block(String type, String... labels) {
    HclBlock b = new HclBlock(type, labels);
    items.add(new Nested(b));
    return b;
  }

  boolean isEmpty() {
    return items.isEmpty();
  }

  String render() {
    StringBuilder out = new StringBuilder();
    render(out, "");
    return out.toString();
  }

  private void render(StringBuilder out, String indent) {
    out.append(indent).append(header).append(" {\n");
    String inner = indent + "  ";
    int i = 0;
    while (i < items.size()) {
      if (i > 0) {
        out.append('\n'); // a blank line between a nested block and its neighbours
      }
      if (items.get(i) instanceof Nested n) {
        n.block().render(out, inner);
        i++;
        continue;
      }
      int j = i;
      int width = 0;
      while (j < items.size() && items.get(j) instanceof Attr a) {
        width = Math.max(width, a.name().length());
        j++;
      }
      for (int k = i; k < j; k++) {
        Attr a = (Attr) items.get(k);
        out.append(inner)
            .append(a.name())
            .append(" ".repeat(width - a.name().length()))
            .append(" = ")
            .append(a.value())
            .append('\n');
      }
      i = j;
    }
    out.append(indent).append("}\n");
  }

  /** An HCL quoted string: escapes quotes, backslashes, control characters and interpolation. */
  static String string(String s) {
    StringBuilder b = new StringBuilder("\"");
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> b.append("\\\"");
        case '\\' -> b.append("\\\\");
        case '\n' -> b.append("\\n");
        case '\r' -> b.append("\\r");
        case '\t' -> b.append("\\t");
        case '$', '%' -> {
          b.append(c);
          if (i + 1 < s.length() && s.charAt(i + 1) == '{') {
            b.append(c);
          }
        }
        default -> {
          if (c < 0x20) {
            b.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
          } else {
            b.append(c);
          }
        }
      }
    }
    return b.append('"').toString();
  }
}
