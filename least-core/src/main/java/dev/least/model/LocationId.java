package dev.least.model;

import static java.util.Objects.requireNonNull;

/** A named location (Entra) or network zone (Okta) id. */
public record LocationId(String value) implements Comparable<LocationId> {
  public LocationId {
    requireNonNull(value, "value");
    if (value.isBlank()) {
      throw new IllegalArgumentException("LocationId must not be blank");
    }
  }

  @Override
  public int compareTo(LocationId other) {
    return value.compareTo(other.value);
  }

  @Override
  public String toString() {
    return value;
  }
}
