package dev.least.app.config;

import static java.util.Objects.requireNonNull;

import dev.least.app.workflow.Role;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * Maps an OIDC user's claims to one Least role: the highest role any of the values of {@code claim}
 * (a list, or a single or space/comma-separated string, e.g. {@code groups} or {@code roles}) is
 * mapped to, or {@code defaultRole} when none is. Value matching is exact (case-sensitive), as
 * group ids and role names are.
 */
public record OidcRoleMapping(String claim, Map<Role, Set<String>> valuesByRole, Role defaultRole) {
  public OidcRoleMapping {
    requireNonNull(claim, "claim");
    requireNonNull(defaultRole, "defaultRole");
    EnumMap<Role, Set<String>> copy = new EnumMap<>(Role.class);
    valuesByRole.forEach((r, v) -> copy.put(r, Set.copyOf(v)));
    valuesByRole = Map.copyOf(copy);
  }

  /** Builds a mapping from comma-separated value lists per role (blank = none). */
  public static OidcRoleMapping of(
      String claim,
      String admin,
      String approver,
      String analyst,
      String viewer,
      String defaultRole) {
    EnumMap<Role, Set<String>> m = new EnumMap<>(Role.class);
    m.put(Role.ADMIN, split(admin));
    m.put(Role.APPROVER, split(approver));
    m.put(Role.ANALYST, split(analyst));
    m.put(Role.VIEWER, split(viewer));
    return new OidcRoleMapping(claim, m, Role.fromWire(defaultRole.trim()));
  }

  private static Set<String> split(String values) {
    Set<String> out = new TreeSet<>();
    for (String v : values.split(",")) {
      if (!v.isBlank()) {
        out.add(v.trim());
      }
    }
    return out;
  }

  /** The role for these claims. */
  public Role role(Map<String, @Nullable Object> claims) {
    List<String> values = values(claims.get(claim));
    Role best = null;
    for (Role r : Role.values()) {
      Set<String> mapped = valuesByRole.getOrDefault(r, Set.of());
      if (values.stream().anyMatch(mapped::contains) && (best == null || r.atLeast(best))) {
        best = r;
      }
    }
    return best == null ? defaultRole : best;
  }

  private static List<String> values(@Nullable Object claim) {
    if (claim instanceof Collection<?> c) {
      return c.stream().map(String::valueOf).toList();
    }
    if (claim instanceof String s) {
      return List.of(s.split("[,\\s]+"));
    }
    return List.of();
  }
}
