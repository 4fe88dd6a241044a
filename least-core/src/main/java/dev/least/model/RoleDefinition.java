package dev.least.model;

import static java.util.Objects.requireNonNull;

import org.jspecify.annotations.Nullable;

/**
 * A directory role. CA policies reference roles by {@code templateId}.
 *
 * @param privileged Entra {@code isPrivileged} when the API gives it
 */
public record RoleDefinition(
    RoleId id, String name, @Nullable String templateId, boolean builtIn, boolean privileged) {
  public RoleDefinition {
    requireNonNull(id, "id");
    requireNonNull(name, "name");
  }
}
