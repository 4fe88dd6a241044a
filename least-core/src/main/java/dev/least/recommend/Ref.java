package dev.least.recommend;

import static java.util.Objects.requireNonNull;

import org.jspecify.annotations.Nullable;

/**
 * A reference to a tenant object: {@code kind} is one of policy, user, group, app, role, network,
 * country, tenant, namedLocation, zone; {@code id} the platform's own id (CIDR for network, ISO
 * 3166 alpha-2 for country).
 */
public record Ref(String kind, String id, @Nullable String name) {
  public Ref {
    requireNonNull(kind, "kind");
    requireNonNull(id, "id");
    if (id.isEmpty()) {
      throw new IllegalArgumentException("Ref id must not be empty");
    }
  }
}
