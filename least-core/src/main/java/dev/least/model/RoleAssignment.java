package dev.least.model;

import static java.util.Objects.requireNonNull;

/** A directory role held by a principal at a scope ({@code /} = tenant). */
public record RoleAssignment(String id, RoleId role, String principalId, String scope) {
  public RoleAssignment {
    requireNonNull(id, "id");
    requireNonNull(role, "role");
    requireNonNull(principalId, "principalId");
    requireNonNull(scope, "scope");
  }
}
