package dev.least.policy.entra;

import static java.util.Objects.requireNonNull;

import dev.least.model.TriState;
import dev.least.policy.SignInFacts;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A parsed "filter for devices" rule: comparisons on {@code device.<attribute>} with {@code -eq -ne
 * -startsWith -notStartsWith -endsWith -notEndsWith -contains -notContains -in -notIn}, joined by
 * {@code -and} / {@code -or} and parentheses. Anything else does not parse, and the policy is
 * reported as not evaluable (never "fails open").
 *
 * <p>Null semantics follow learn.microsoft.com/entra/identity/conditional-access/
 * concept-condition-filters-for-devices ("Policy behavior with filter for devices"): on an
 * unregistered device every attribute is null; positive operators are then false and negative
 * operators true. String comparison is case-insensitive.
 */
public final class DeviceFilterRule {
  /** Attributes the filter grammar documents. */
  private static final Set<String> ATTRIBUTES =
      Set.of(
          "deviceid",
          "displayname",
          "deviceownership",
          "enrollmentprofilename",
          "iscompliant",
          "manufacturer",
          "mdmappid",
          "model",
          "operatingsystem",
          "operatingsystemversion",
          "physicalids",
          "profiletype",
          "systemlabels",
          "trusttype");

  private final String text;
  private final Node root;

  private DeviceFilterRule(String text, Node root) {
    this.text = text;
    this.root = root;
  }

  /** The outcome of parsing a rule. */
  public sealed interface Parse permits Parsed, Unparsable {}

  /** The rule parsed. */
  public record Parsed(DeviceFilterRule rule) implements Parse {
    public Parsed {
      requireNonNull(rule, "rule");
    }
  }

  /** The rule is outside the supported grammar; {@code reason} says where. */
  public record Unparsable(String reason) implements Parse {
    public Unparsable {
      requireNonNull(reason, "reason");
    }
  }

  public static Parse parse(String rule) {
    requireNonNull(rule, "rule");
    try {
      Parser p = new Parser(tokenize(rule));
      Node root = p.expr();
      if (!p.atEnd()) {
        return new Unparsable("unexpected '" + p.peek() + "'");
      }
      return new Parsed(new DeviceFilterRule(rule, root));
    } catch (IllegalArgumentException e) {
      return new Unparsable(String.valueOf(e.getMessage()));
    }
  }

  /** Whether the rule holds for the sign-in's device. */
  public Verdict evaluate(SignInFacts facts) {
    return root.eval(facts);
  }

  /** The attributes the rule reads, lower case. */
  public Set<String> attributes() {
    List<String> out = new ArrayList<>();
    root.collect(out);
    return Set.copyOf(out);
  }

  @Override
  public String toString() {
    return text;
  }

  // ---- values ----

  private enum Kind {
    PRESENT,
    NULL,
    UNKNOWN
  }

  private record Value(Kind kind, String text) {}

  private static final Value NULL = new Value(Kind.NULL, "");
  private static final Value UNKNOWN = new Value(Kind.UNKNOWN, "");

  private static Value attribute(SignInFacts f, String attr) {
    String deviceId = f.deviceId();
    if (deviceId == null) {
      return UNKNOWN; // the record does not say whether the device is registered
    }
    if (deviceId.isEmpty()) {
      return NULL; // unregistered: "all device properties are considered as null values"
    }
    return switch (attr) {
      case "deviceid" -> new Value(Kind.PRESENT, deviceId);
      case "trusttype" -> present(f.deviceTrustType());
      case "operatingsystem" -> present(f.operatingSystem());
      case "iscompliant" ->
          switch (f.deviceCompliant()) {
            case TRUE -> new Value(Kind.PRESENT, "True");
            case FALSE -> new Value(Kind.PRESENT, "False");
            case UNKNOWN -> UNKNOWN;
          };
      default -> {
        // extensionAttributes are populated only for Intune-managed, compliant or hybrid-joined
        // devices; other attributes are not in the sign-in log at all
        boolean plain =
            f.deviceManaged() == TriState.FALSE
                && f.deviceCompliant() == TriState.FALSE
                && f.deviceTrustType() != null
                && !"ServerAD".equalsIgnoreCase(f.deviceTrustType());
        yield attr.startsWith("extensionattribute") && plain ? NULL : UNKNOWN;
      }
    };
  }

  private static Value present(@org.jspecify.annotations.Nullable String v) {
    return v == null ? UNKNOWN : new Value(Kind.PRESENT, v);
  }

  // ---- AST ----

  private sealed interface Node permits And, Or, Compare {
    Verdict eval(SignInFacts f);

    void collect(List<String> attrs);
  }

  private record And(Node left, Node right) implements Node {
    @Override
    public Verdict eval(SignInFacts f) {
      return left.eval(f).and(right.eval(f));
    }

    @Override
    public void collect(List<String> attrs) {
      left.collect(attrs);
      right.collect(attrs);
    }
  }

  private record Or(Node left, Node right) implements Node {
    @Override
    public Verdict eval(SignInFacts f) {
      return left.eval(f).or(right.eval(f));
    }

    @Override
    public void collect(List<String> attrs) {
      left.collect(attrs);
      right.collect(attrs);
    }
  }

  private enum Op {
    EQ("-eq", false),
    NE("-ne", true),
    STARTS_WITH("-startswith", false),
    NOT_STARTS_WITH("-notstartswith", true),
    ENDS_WITH("-endswith", false),
    NOT_ENDS_WITH("-notendswith", true),
    CONTAINS("-contains", false),
    NOT_CONTAINS("-notcontains", true),
    IN("-in", false),
    NOT_IN("-notin", true);

    final String token;
    final boolean negative;

    Op(String token, boolean negative) {
      this.token = token;
      this.negative = negative;
    }
  }

  private record Compare(String attr, Op op, List<String> values) implements Node {
    @Override
    public Verdict eval(SignInFacts f) {
      Value v = attribute(f, attr);
      if (v.kind() == Kind.UNKNOWN) {
        return Verdict.UNKNOWN;
      }
      if (v.kind() == Kind.NULL) {
        return Verdict.of(op.negative);
      }
      String a = v.text().toLowerCase(Locale.ROOT);
      boolean positive =
          switch (op) {
            case EQ, NE -> a.equals(values.get(0));
            case STARTS_WITH, NOT_STARTS_WITH -> a.startsWith(values.get(0));
            case ENDS_WITH, NOT_ENDS_WITH -> a.endsWith(values.get(0));
            case CONTAINS, NOT_CONTAINS -> a.contains(values.get(0));
            case IN, NOT_IN -> values.contains(a);
          };
      return Verdict.of(op.negative != positive);
    }

    @Override
    public void collect(List<String> attrs) {
      attrs.add(attr);
    }
  }

  // ---- parsing ----

  private static List<String> tokenize(String s) {
    List<String> out = new ArrayList<>();
    int i = 0;
    while (i < s.length()) {
      char c = s.charAt(i);
      if (Character.isWhitespace(c)) {
        i++;
      } else if (c == '(' || c == ')' || c == '[' || c == ']' || c == ',') {
        out.add(String.valueOf(c));
        i++;
      } else if (c == '"' || c == '\'') {
        int end = s.indexOf(c, i + 1);
        if (end < 0) {
          throw new IllegalArgumentException("unterminated string at " + i);
        }
        out.add(s.substring(i, end + 1));
        i = end + 1;
      } else {
        int j = i;
        while (j < s.length()
            && !Character.isWhitespace(s.charAt(j))
            && "()[],\"'".indexOf(s.charAt(j)) < 0) {
          j++;
        }
        out.add(s.substring(i, j));
        i = j;
      }
    }
    return out;
  }

  private static final class Parser {
    private final List<String> tokens;
    private int pos;

    Parser(List<String> tokens) {
      this.tokens = tokens;
    }

    boolean atEnd() {
      return pos >= tokens.size();
    }

    String peek() {
      return tokens.get(pos);
    }

    private String next(String what) {
      if (atEnd()) {
        throw new IllegalArgumentException("expected " + what + " but the rule ended");
      }
      return tokens.get(pos++);
    }

    Node expr() {
      Node left = term();
      while (!atEnd() && peek().equalsIgnoreCase("-or")) {
        pos++;
        left = new Or(left, term());
      }
      return left;
    }

    private Node term() {
      Node left = factor();
      while (!atEnd() && peek().equalsIgnoreCase("-and")) {
        pos++;
        left = new And(left, factor());
      }
      return left;
    }

    private Node factor() {
      String t = next("a comparison");
      if (t.equals("(")) {
        Node inner = expr();
        if (!next("')'").equals(")")) {
          throw new IllegalArgumentException("expected ')'");
        }
        return inner;
      }
      String lower = t.toLowerCase(Locale.ROOT);
      if (!lower.startsWith("device.")) {
        throw new IllegalArgumentException("unsupported operand '" + t + "'");
      }
      String attr = lower.substring("device.".length());
      if (!ATTRIBUTES.contains(attr) && !attr.matches("extensionattribute([1-9]|1[0-5])")) {
        throw new IllegalArgumentException("unknown device attribute '" + attr + "'");
      }
      String opText = next("an operator").toLowerCase(Locale.ROOT);
      Op op = null;
      for (Op o : Op.values()) {
        if (o.token.equals(opText)) {
          op = o;
        }
      }
      if (op == null) {
        throw new IllegalArgumentException("unsupported operator '" + opText + "'");
      }
      List<String> values = new ArrayList<>();
      if (op == Op.IN || op == Op.NOT_IN) {
        if (!next("'['").equals("[")) {
          throw new IllegalArgumentException("expected '[' after " + op.token);
        }
        while (true) {
          values.add(literal(next("a value")));
          String sep = next("',' or ']'");
          if (sep.equals("]")) {
            break;
          }
          if (!sep.equals(",")) {
            throw new IllegalArgumentException("expected ',' or ']' but got '" + sep + "'");
          }
        }
      } else {
        values.add(literal(next("a value")));
      }
      return new Compare(attr, op, List.copyOf(values));
    }

    private static String literal(String t) {
      if (t.length() >= 2
          && (t.charAt(0) == '"' || t.charAt(0) == '\'')
          && t.charAt(t.length() - 1) == t.charAt(0)) {
        return t.substring(1, t.length() - 1).toLowerCase(Locale.ROOT);
      }
      if (t.equalsIgnoreCase("true") || t.equalsIgnoreCase("false")) {
        return t.toLowerCase(Locale.ROOT);
      }
      throw new IllegalArgumentException("expected a quoted value but got '" + t + "'");
    }
  }
}
