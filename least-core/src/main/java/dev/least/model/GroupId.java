package dev.least.model;

import static java.util.Objects.requireNonNull;

/** A group id as the vendor API gives it. */
public record GroupId(String value) implements Comparable<GroupId> {
  public GroupId {
    requireNonNull(value, "value");
    if (value.isBlank()) {
      throw new IllegalArgumentException("GroupId must not be blank");
    }
  }

  @Override
  public int compareTo(GroupId other) {
    return value.compareTo(other.value);
  }

  @Override
  public String toString() {
    return value;
  }
}
