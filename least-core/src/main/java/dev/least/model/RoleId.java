package dev.least.model;

import static java.util.Objects.requireNonNull;

/** A directory role definition id (Entra role template id / definition id). */
public record RoleId(String value) implements Comparable<RoleId> {
  public RoleId {
    requireNonNull(value, "value");
    if (value.isBlank()) {
      throw new IllegalArgumentException("RoleId must not be blank");
    }
  }

  @Override
  public int compareTo(RoleId other) {
    return value.compareTo(other.value);
  }

  @Override
  public String toString() {
    return value;
  }
}
