package dev.least.connector.okta;

import dev.least.model.Account;
import dev.least.model.AccountId;
import dev.least.model.AccountKind;
import dev.least.model.AccountStatus;
import dev.least.model.App;
import dev.least.model.AppId;
import dev.least.model.Group;
import dev.least.model.GroupId;
import dev.least.model.GroupKind;
import dev.least.model.PolicyId;
import dev.least.model.Source;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Maps Okta directory objects (users, groups, group rules, apps, app users) to the core model. The
 * caller counts {@link #unknownStatus} hits as unknown enum values.
 */
final class OktaDirectoryMapper {
  private OktaDirectoryMapper() {}

  /** Result of mapping a user: the account and whether its status was unknown. */
  record MappedAccount(Account account, boolean unknownStatus) {}

  /**
   * An Okta user. {@code profile.login} is required. Kind: Okta has no guest flag, so {@code
   * profile.userType} decides: values naming a guest, an external or a partner identity are GUEST,
   * values naming a service / system / API account are SERVICE, anything else (including absent)
   * MEMBER.
   */
  static MappedAccount user(OktaNode u) {
    String id = u.requiredText("id");
    OktaNode profile = u.object("profile");
    String login = profile.requiredText("login");
    String statusRaw = u.text("status");
    AccountStatus status = status(statusRaw);
    boolean unknown = status == AccountStatus.UNKNOWN;
    String display = profile.text("displayName");
    if (display == null) {
      String first = profile.text("firstName");
      String last = profile.text("lastName");
      if (first != null || last != null) {
        display = ((first == null ? "" : first) + " " + (last == null ? "" : last)).trim();
      }
    }
    Account account =
        new Account(
            new AccountId(id),
            Source.OKTA,
            login,
            profile.text("email"),
            display,
            status,
            kind(profile.text("userType")),
            profile.text("employeeNumber"),
            profile.text("department"),
            profile.text("title"),
            profile.text("managerId"),
            u.instant("created"),
            u.instant("lastLogin"));
    return new MappedAccount(account, unknown);
  }

  /** Okta's user status; unknown and absent are UNKNOWN. */
  static AccountStatus status(@Nullable String raw) {
    if (raw == null) {
      return AccountStatus.UNKNOWN;
    }
    return switch (raw) {
      case "STAGED" -> AccountStatus.STAGED;
      case "PROVISIONED" -> AccountStatus.PROVISIONED;
      case "ACTIVE" -> AccountStatus.ACTIVE;
      case "RECOVERY" -> AccountStatus.RECOVERY;
      case "PASSWORD_EXPIRED" -> AccountStatus.PASSWORD_EXPIRED;
      case "LOCKED_OUT" -> AccountStatus.LOCKED_OUT;
      case "SUSPENDED" -> AccountStatus.SUSPENDED;
      case "DEPROVISIONED" -> AccountStatus.DEPROVISIONED;
      default -> AccountStatus.UNKNOWN;
    };
  }

  static AccountKind kind(@Nullable String userType) {
    if (userType == null || userType.isBlank()) {
      return AccountKind.MEMBER;
    }
    String t = userType.toLowerCase(Locale.ROOT);
    if (t.contains("guest") || t.contains("external") || t.contains("partner")) {
      return AccountKind.GUEST;
    }
    if (t.contains("service") || t.contains("system") || t.contains("api")) {
      return AccountKind.SERVICE;
    }
    return AccountKind.MEMBER;
  }

  /**
   * An Okta group; {@code rules} maps group ids to the membership expression of the ACTIVE group
   * rules that assign users to them (such a group is DYNAMIC). Okta groups all work for access
   * control, so {@code securityEnabled} is true.
   */
  static Group group(OktaNode g, Map<String, String> rules) {
    String id = g.requiredText("id");
    String name = g.object("profile").text("name");
    if (name == null) {
      name = id;
    }
    String rule = rules.get(id);
    return new Group(
        new GroupId(id),
        Source.OKTA,
        name,
        rule == null ? GroupKind.STATIC : GroupKind.DYNAMIC,
        rule,
        true);
  }

  /**
   * An Okta group rule; adds its expression to {@code out} for each target group when the rule is
   * ACTIVE. Several rules feeding one group are joined as {@code (a) OR (b)} (Okta EL's {@code
   * OR}).
   */
  static void groupRule(OktaNode r, Map<String, String> out) {
    r.requiredText("id");
    if (!"ACTIVE".equals(r.text("status"))) {
      return;
    }
    String expression = r.object("conditions").object("expression").text("value");
    if (expression == null) {
      expression = "";
    }
    for (String groupId : r.object("actions").object("assignUserToGroups").strings("groupIds")) {
      String e = expression;
      out.merge(groupId, e, (a, b) -> a.equals(b) ? a : "(" + a + ") OR (" + b + ")");
    }
  }

  /**
   * An Okta app: {@code label} is the name (the {@code name} field is the integration key), {@code
   * status: ACTIVE} is active, the access policy is the last path segment of {@code
   * _links.accessPolicy.href}, the OAuth client id (OIDC apps) is {@code
   * credentials.oauthClient.client_id}.
   */
  static App app(OktaNode a) {
    String id = a.requiredText("id");
    String label = a.text("label");
    if (label == null) {
      label = a.text("name");
    }
    String href = a.object("_links").object("accessPolicy").text("href");
    PolicyId policy = null;
    if (href != null) {
      String segment = lastSegment(href);
      policy = segment == null ? null : new PolicyId(segment);
    }
    return new App(
        new AppId(id),
        Source.OKTA,
        label == null ? id : label,
        a.object("credentials").object("oauthClient").text("client_id"),
        policy,
        "ACTIVE".equals(a.text("status")));
  }

  static @Nullable String lastSegment(String href) {
    String h = href;
    int q = h.indexOf('?');
    if (q >= 0) {
      h = h.substring(0, q);
    }
    while (h.endsWith("/")) {
      h = h.substring(0, h.length() - 1);
    }
    int slash = h.lastIndexOf('/');
    String s = slash < 0 ? h : h.substring(slash + 1);
    return s.isBlank() ? null : s;
  }
}
