package dev.least.model;

import static java.util.Objects.requireNonNull;

/** An application id: Entra service principal object id or Okta app id. */
public record AppId(String value) implements Comparable<AppId> {
  public AppId {
    requireNonNull(value, "value");
    if (value.isBlank()) {
      throw new IllegalArgumentException("AppId must not be blank");
    }
  }

  @Override
  public int compareTo(AppId other) {
    return value.compareTo(other.value);
  }

  @Override
  public String toString() {
    return value;
  }
}
