package dev.least.sod;

import dev.least.model.Account;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Evaluates the common subset of dynamic membership rules on an account's attributes: Entra {@code
 * (user.department -eq "Sales") -and (user.jobTitle -contains "Lead")} with -eq, -ne, -contains,
 * -startsWith, -and, -or and parentheses, and Okta group-rule expressions {@code
 * user.department=="Sales"} with {@code ==}, {@code !=}, {@code AND}/{@code &&}, {@code OR}/{@code
 * ||}. Attributes: department, jobTitle/title, userPrincipalName/login, mail/email, employeeId. A
 * rule outside the subset is "not evaluable" (empty), never guessed.
 */
public final class DynamicRule {
  /** The rule's tokens; null when it cannot be split into tokens (never matches then). */
  private final @Nullable List<String> tokens;

  private DynamicRule(String text) {
    List<String> t;
    try {
      t = tokens(text);
    } catch (IllegalArgumentException e) {
      t = null;
    }
    this.tokens = t;
  }

  public static DynamicRule of(String text) {
    return new DynamicRule(text);
  }

  /** True/false when the rule is in the supported subset; empty otherwise. */
  public Optional<Boolean> matches(Account a) {
    if (tokens == null) {
      return Optional.empty();
    }
    try {
      Parser p = new Parser(tokens, a);
      boolean v = p.or();
      if (p.pos != p.toks.size()) {
        return Optional.empty();
      }
      return Optional.of(v);
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  private static @Nullable Function<Account, @Nullable String> attribute(String name) {
    return switch (name.toLowerCase(Locale.ROOT)) {
      case "user.department" -> Account::department;
      case "user.jobtitle", "user.title" -> Account::jobTitle;
      case "user.userprincipalname", "user.login" -> Account::login;
      case "user.mail", "user.email" -> Account::email;
      case "user.employeeid", "user.employeenumber" -> Account::employeeId;
      default -> null;
    };
  }

  private static List<String> tokens(String s) {
    List<String> out = new ArrayList<>();
    int i = 0;
    while (i < s.length()) {
      char c = s.charAt(i);
      if (Character.isWhitespace(c)) {
        i++;
      } else if (c == '(' || c == ')') {
        out.add(String.valueOf(c));
        i++;
      } else if (c == '"') {
        int j = s.indexOf('"', i + 1);
        if (j < 0) {
          throw new IllegalArgumentException("unterminated string");
        }
        out.add(s.substring(i, j + 1));
        i = j + 1;
      } else if (s.startsWith("==", i)
          || s.startsWith("!=", i)
          || s.startsWith("&&", i)
          || s.startsWith("||", i)) {
        out.add(s.substring(i, i + 2));
        i += 2;
      } else {
        int j = i;
        while (j < s.length()
            && !Character.isWhitespace(s.charAt(j))
            && "()\"=!&|".indexOf(s.charAt(j)) < 0) {
          j++;
        }
        if (j == i) {
          throw new IllegalArgumentException("unexpected '" + c + "'");
        }
        out.add(s.substring(i, j));
        i = j;
      }
    }
    return out;
  }

  private static final class Parser {
    final List<String> toks;
    final Account account;
    int pos;

    Parser(List<String> toks, Account account) {
      this.toks = toks;
      this.account = account;
    }

    boolean or() {
      boolean v = and();
      while (peek("-or") || peek("or") || peek("||")) {
        pos++;
        boolean r = and();
        v = v || r;
      }
      return v;
    }

    boolean and() {
      boolean v = atom();
      while (peek("-and") || peek("and") || peek("&&")) {
        pos++;
        boolean r = atom();
        v = v && r;
      }
      return v;
    }

    boolean atom() {
      if (peek("(")) {
        pos++;
        boolean v = or();
        expect(")");
        return v;
      }
      Function<Account, @Nullable String> attr = attribute(next());
      if (attr == null) {
        throw new IllegalArgumentException("unsupported attribute");
      }
      String op = next().toLowerCase(Locale.ROOT);
      String lit = next();
      if (lit.length() < 2 || !lit.startsWith("\"")) {
        throw new IllegalArgumentException("expected a string literal");
      }
      String want = lit.substring(1, lit.length() - 1).toLowerCase(Locale.ROOT);
      String have = attr.apply(account);
      String h = have == null ? "" : have.toLowerCase(Locale.ROOT);
      return switch (op) {
        case "-eq", "==" -> h.equals(want);
        case "-ne", "!=" -> !h.equals(want);
        case "-contains" -> h.contains(want);
        case "-startswith" -> h.startsWith(want);
        default -> throw new IllegalArgumentException("unsupported operator " + op);
      };
    }

    boolean peek(String t) {
      return pos < toks.size() && toks.get(pos).equalsIgnoreCase(t);
    }

    String next() {
      if (pos >= toks.size()) {
        throw new IllegalArgumentException("unexpected end");
      }
      return toks.get(pos++);
    }

    void expect(String t) {
      if (!peek(t)) {
        throw new IllegalArgumentException("expected " + t);
      }
      pos++;
    }
  }
}
