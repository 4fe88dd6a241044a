package dev.least.analysis;

import dev.least.model.Account;
import dev.least.model.Group;
import dev.least.model.TenantSettings;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * The {@code least.yaml} guardrails as a predicate: users match by id, login or email; groups and
 * policies by id or name; all case-insensitively.
 */
public final class Guardrails {
  private final Set<String> users = new HashSet<>();
  private final Set<String> groups = new HashSet<>();
  private final Set<String> policies = new HashSet<>();

  public Guardrails(TenantSettings.Guardrails g) {
    g.protectedUsers().forEach(u -> users.add(norm(u)));
    g.protectedGroups().forEach(x -> groups.add(norm(x)));
    g.protectedPolicies().forEach(x -> policies.add(norm(x)));
  }

  public boolean protects(Account a) {
    return users.contains(norm(a.id().value()))
        || users.contains(norm(a.login()))
        || (a.email() != null && users.contains(norm(a.email())));
  }

  public boolean protects(Group g) {
    return groups.contains(norm(g.id().value())) || groups.contains(norm(g.name()));
  }

  public boolean protectsPolicy(String id, String name) {
    return policies.contains(norm(id)) || policies.contains(norm(name));
  }

  private static String norm(String s) {
    return s.trim().toLowerCase(Locale.ROOT);
  }
}
