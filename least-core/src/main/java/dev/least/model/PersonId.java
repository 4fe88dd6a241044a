package dev.least.model;

import static java.util.Objects.requireNonNull;

/**
 * A person: the HR employee id when the account joined HR, else a synthetic id from the account.
 */
public record PersonId(String value) implements Comparable<PersonId> {
  public PersonId {
    requireNonNull(value, "value");
    if (value.isBlank()) {
      throw new IllegalArgumentException("PersonId must not be blank");
    }
  }

  @Override
  public int compareTo(PersonId other) {
    return value.compareTo(other.value);
  }

  @Override
  public String toString() {
    return value;
  }
}
