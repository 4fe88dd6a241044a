package dev.least.model;

import static java.util.Objects.requireNonNull;

/** A user or group assigned to an app (Entra appRoleAssignedTo, Okta apps/{id}/users|groups). */
public record AppAssignment(AppId app, Principal principal) {
  public AppAssignment {
    requireNonNull(app, "app");
    requireNonNull(principal, "principal");
  }
}
