package dev.least.model;

import static java.util.Objects.requireNonNull;

/** An identity-provider account id: Entra user object id or Okta user id. */
public record AccountId(String value) implements Comparable<AccountId> {
  public AccountId {
    requireNonNull(value, "value");
    if (value.isBlank()) {
      throw new IllegalArgumentException("AccountId must not be blank");
    }
  }

  @Override
  public int compareTo(AccountId other) {
    return value.compareTo(other.value);
  }

  @Override
  public String toString() {
    return value;
  }
}
