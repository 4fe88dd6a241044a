package dev.least.policyexception;

import static java.util.Objects.requireNonNull;

import dev.least.model.Account;
import dev.least.model.Group;
import dev.least.model.HrWorker;
import dev.least.model.RiskLevel;
import dev.least.model.RoleDefinition;
import dev.least.model.SignInLog;
import dev.least.model.Source;
import dev.least.model.TenantSnapshot;
import dev.least.replay.DirectoryIndex;
import dev.least.source.IdentityJoin;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * What a snapshot says about the person an exception is for: the account, its privileged and other
 * directory roles, its sign-in risk over the log window and over the last 7 days, and its manager
 * (from HR; the directory's manager as a fallback).
 *
 * @param managerEmail the HR manager's e-mail, else the directory manager's login; null when
 *     neither is known
 */
public record SubjectFacts(
    Account account,
    List<String> privilegedRoles,
    List<String> otherRoles,
    RiskLevel highestRisk,
    RiskLevel recentRisk,
    int signIns,
    int recentSignIns,
    @Nullable String managerEmail) {
  /**
   * Entra's Global Administrator role template, privileged even when {@code isPrivileged} is
   * absent.
   */
  public static final String GLOBAL_ADMIN = "62e90394-69f5-4237-9190-012177145e10";

  /** The window of "recent" sign-in risk. */
  public static final long RECENT_MILLIS = 7L * 24 * 3600 * 1000;

  public SubjectFacts {
    requireNonNull(account, "account");
    requireNonNull(highestRisk, "highestRisk");
    requireNonNull(recentRisk, "recentRisk");
    privilegedRoles = List.copyOf(privilegedRoles);
    otherRoles = List.copyOf(otherRoles);
  }

  /** The account with that id or login (case-insensitive) on that platform, if any. */
  public static Optional<Account> find(TenantSnapshot s, Source platform, String idOrLogin) {
    String want = idOrLogin.trim();
    for (Account a : s.accounts()) {
      if (a.source() == platform
          && (a.id().value().equals(want) || a.login().equalsIgnoreCase(want))) {
        return Optional.of(a);
      }
    }
    return Optional.empty();
  }

  /** Reads the facts of {@code account} from the snapshot. */
  public static SubjectFacts of(TenantSnapshot s, Account account) {
    String id = account.id().value();
    DirectoryIndex dir = DirectoryIndex.of(s);
    Map<String, RoleDefinition> roles = new HashMap<>();
    for (RoleDefinition r : s.roles()) {
      roles.put(r.id().value(), r);
      if (r.templateId() != null) {
        roles.put(r.templateId(), r);
      }
    }
    TreeSet<String> privileged = new TreeSet<>();
    TreeSet<String> other = new TreeSet<>();
    for (String template : dir.rolesOf(id)) {
      RoleDefinition def = roles.get(template);
      String name = def == null ? template : def.name();
      if (GLOBAL_ADMIN.equals(template) || def != null && def.privileged()) {
        privileged.add(name);
      } else {
        other.add(name);
      }
    }
    if (account.source() == Source.OKTA) {
      Map<String, Group> groups = new HashMap<>();
      s.groups().forEach(g -> groups.put(g.id().value(), g));
      for (String g : dir.groupsOf(id)) {
        Group group = groups.get(g);
        if (group != null && group.name().toLowerCase(Locale.ROOT).contains("admin")) {
          privileged.add("group " + group.name());
        }
      }
    }
    SignInLog log = s.signIns();
    long capturedAt = s.manifest().capturedAt().toEpochMilli();
    RiskLevel highest = RiskLevel.NONE;
    RiskLevel recent = RiskLevel.NONE;
    int n = 0;
    int nRecent = 0;
    for (int i = 0; i < log.size(); i++) {
      if (!id.equals(log.accountId(i))) {
        continue;
      }
      n++;
      RiskLevel r = log.get(i).riskLevel();
      highest = higher(highest, r);
      if (log.epochMillis(i) > capturedAt - RECENT_MILLIS) {
        nRecent++;
        recent = higher(recent, r);
      }
    }
    return new SubjectFacts(
        account,
        new ArrayList<>(privileged),
        new ArrayList<>(other),
        highest,
        recent,
        n,
        nRecent,
        manager(s, account));
  }

  private static @Nullable String manager(TenantSnapshot s, Account account) {
    HrWorker w = IdentityJoin.workersByAccount(s.people()).get(account.id().value());
    if (w != null && w.managerEmail() != null && !w.managerEmail().isBlank()) {
      return w.managerEmail().trim().toLowerCase(Locale.ROOT);
    }
    if (account.managerId() != null) {
      for (Account a : s.accounts()) {
        if (a.id().value().equals(account.managerId())) {
          return a.login().toLowerCase(Locale.ROOT);
        }
      }
    }
    return null;
  }

  /** The feature value of a risk level: high 1, medium 0.6, low or hidden 0.3, else 0. */
  public static double riskValue(RiskLevel r) {
    return switch (r) {
      case HIGH -> 1.0;
      case MEDIUM -> 0.6;
      case LOW, HIDDEN -> 0.3;
      case NONE, UNKNOWN -> 0.0;
    };
  }

  private static RiskLevel higher(RiskLevel a, RiskLevel b) {
    return riskValue(b) > riskValue(a) ? b : a;
  }

  /** The privileged-roles feature. */
  public ExceptionRiskModel.Value privilegeFeature() {
    if (!privilegedRoles.isEmpty()) {
      return new ExceptionRiskModel.Value(1.0, "privileged: " + String.join(", ", privilegedRoles));
    }
    if (!otherRoles.isEmpty()) {
      return new ExceptionRiskModel.Value(
          0.5, "directory roles (not privileged): " + String.join(", ", otherRoles));
    }
    return new ExceptionRiskModel.Value(0.0, "no directory role");
  }

  /** The user-risk feature. */
  public ExceptionRiskModel.Value userRiskFeature() {
    return new ExceptionRiskModel.Value(
        riskValue(highestRisk),
        "highest sign-in risk "
            + highestRisk.name().toLowerCase(Locale.ROOT)
            + " over "
            + signIns
            + " sign-in(s) in the log window");
  }

  /** The recent-sign-in-risk feature. */
  public ExceptionRiskModel.Value recentRiskFeature() {
    return new ExceptionRiskModel.Value(
        riskValue(recentRisk),
        "highest sign-in risk "
            + recentRisk.name().toLowerCase(Locale.ROOT)
            + " over "
            + recentSignIns
            + " sign-in(s) in the 7 days before capture");
  }
}
