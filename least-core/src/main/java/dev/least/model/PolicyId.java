package dev.least.model;

import static java.util.Objects.requireNonNull;

/** A vendor policy id: Entra CA policy id, Okta policy id. */
public record PolicyId(String value) implements Comparable<PolicyId> {
  public PolicyId {
    requireNonNull(value, "value");
    if (value.isBlank()) {
      throw new IllegalArgumentException("PolicyId must not be blank");
    }
  }

  @Override
  public int compareTo(PolicyId other) {
    return value.compareTo(other.value);
  }

  @Override
  public String toString() {
    return value;
  }
}
