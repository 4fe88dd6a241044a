package dev.least.model;

import static java.util.Objects.requireNonNull;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A person: an HR worker joined to the identity-provider accounts that belong to them. A person
 * without an HR record has {@code worker == null} and exactly one account.
 */
public record Person(PersonId id, @Nullable HrWorker worker, List<AccountId> accounts) {
  public Person {
    requireNonNull(id, "id");
    accounts = List.copyOf(accounts);
  }
}
