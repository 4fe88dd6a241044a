package dev.least.sod;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * An entitlement a user holds and the path that grants it, e.g. {@code [group Finance, group
 * AP-Approvers]} for a nested membership, {@code [dynamic rule (user.department -eq "AP")]} for a
 * rule, or empty for a direct grant.
 */
public record Holding(Entitlement entitlement, List<String> path) {
  public Holding {
    requireNonNull(entitlement, "entitlement");
    path = List.copyOf(path);
  }

  /** "direct" or the path joined with arrows. */
  public String describe() {
    return path.isEmpty() ? "direct" : String.join(" → ", path);
  }
}
