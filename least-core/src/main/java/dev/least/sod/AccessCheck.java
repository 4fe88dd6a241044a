package dev.least.sod;

import static java.util.Objects.requireNonNull;

import dev.least.model.Account;
import dev.least.model.TenantSettings.SodRule;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Separation-of-duties checks: the conflicts a user holds today, and the pre-provisioning question
 * "would granting this create a conflict?" — including conflicts that arrive through a dynamic
 * group rule matching the user's attributes.
 */
public final class AccessCheck {
  /** One rule violated, with the holding on each side and how it is held. */
  public record Conflict(SodRule rule, Holding left, Holding right) {
    public Conflict {
      requireNonNull(rule, "rule");
      requireNonNull(left, "left");
      requireNonNull(right, "right");
    }

    /** True when the requested grant is part of the conflict. */
    public boolean involvesRequest() {
      return left.describe().startsWith("requested") || right.describe().startsWith("requested");
    }

    /** True when a dynamic rule is part of the conflict. */
    public boolean viaDynamicRule() {
      return left.describe().contains("dynamic rule") || right.describe().contains("dynamic rule");
    }
  }

  private final EntitlementIndex index;
  private final List<SodRule> rules;

  /**
   * Per rule, whether its left (right) side names an entitlement: the same few entitlements are
   * held by thousands of accounts, and each answer takes a pattern match per name and alias.
   */
  private final List<Map<Entitlement, Boolean>> onLeft = new ArrayList<>();

  private final List<Map<Entitlement, Boolean>> onRight = new ArrayList<>();

  public AccessCheck(EntitlementIndex index, List<SodRule> rules) {
    this.index = requireNonNull(index, "index");
    this.rules = List.copyOf(rules);
    for (int k = 0; k < this.rules.size(); k++) {
      onLeft.add(new ConcurrentHashMap<>());
      onRight.add(new ConcurrentHashMap<>());
    }
  }

  /** Conflicts the account holds today (dynamic-rule holdings included). */
  public List<Conflict> existing(Account a) {
    List<Holding> held = new ArrayList<>(index.holdings(a.id().value()));
    held.addAll(index.viaDynamicRules(a));
    return conflicts(held);
  }

  /** Conflicts that granting {@code add} would create (those held already are left out). */
  public List<Conflict> ifGranted(Account a, Entitlement add) {
    List<Holding> held = new ArrayList<>(index.holdings(a.id().value()));
    held.addAll(index.viaDynamicRules(a));
    held.addAll(index.wouldGrant(add));
    List<Conflict> out = new ArrayList<>();
    for (Conflict c : conflicts(held)) {
      if (c.involvesRequest()) {
        out.add(c);
      }
    }
    return out;
  }

  private List<Conflict> conflicts(List<Holding> held) {
    Set<Conflict> out = new LinkedHashSet<>();
    Set<String> seen = new java.util.HashSet<>();
    for (int k = 0; k < rules.size(); k++) {
      SodRule r = rules.get(k);
      Map<Entitlement, Boolean> left = onLeft.get(k);
      Map<Entitlement, Boolean> right = onRight.get(k);
      for (Holding l : held) {
        if (!left.computeIfAbsent(l.entitlement(), e -> SodRules.on(r.left(), e, index))) {
          continue;
        }
        for (Holding rt : held) {
          if (rt.entitlement().equals(l.entitlement())
              || !right.computeIfAbsent(rt.entitlement(), e -> SodRules.on(r.right(), e, index))) {
            continue;
          }
          String key = r.id() + "|" + l.entitlement() + "|" + rt.entitlement();
          if (seen.add(key)) {
            out.add(new Conflict(r, l, rt));
          }
        }
      }
    }
    return List.copyOf(out);
  }
}
