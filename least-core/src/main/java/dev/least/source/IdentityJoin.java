package dev.least.source;

import dev.least.model.Account;
import dev.least.model.AccountId;
import dev.least.model.HrWorker;
import dev.least.model.Person;
import dev.least.model.PersonId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Joins identity-provider accounts to HR workers, per the snapshot contract: first by employee id
 * (Entra {@code employeeId}, Okta {@code profile.employeeNumber}) to HR {@code employee_id}, else
 * case-insensitively by login or email to HR {@code email}. A person may hold several accounts (one
 * per source). Accounts that join no worker become people of their own and are listed as unmatched.
 */
public final class IdentityJoin {

  /** The outcome: every worker and every account is in exactly one person. */
  public record Result(List<Person> people, List<Account> unmatchedAccounts, int matchedAccounts) {
    public Result {
      people = List.copyOf(people);
      unmatchedAccounts = List.copyOf(unmatchedAccounts);
    }

    /** Share of accounts that joined an HR worker, 0..1 (0 when there are no accounts). */
    public double joinRate() {
      int total = matchedAccounts + unmatchedAccounts.size();
      return total == 0 ? 0 : (double) matchedAccounts / total;
    }
  }

  private IdentityJoin() {}

  public static Result join(List<HrWorker> workers, List<Account> accounts) {
    Map<String, HrWorker> byEmployeeId = new HashMap<>();
    Map<String, HrWorker> byEmail = new HashMap<>();
    for (HrWorker w : workers) {
      byEmployeeId.putIfAbsent(w.employeeId(), w);
      if (w.email() != null) {
        byEmail.putIfAbsent(lower(w.email()), w);
      }
    }
    Map<String, List<AccountId>> accountsByWorker = new LinkedHashMap<>();
    for (HrWorker w : workers) {
      accountsByWorker.putIfAbsent(w.employeeId(), new ArrayList<>());
    }
    List<Account> unmatched = new ArrayList<>();
    List<Person> people = new ArrayList<>();
    int matched = 0;
    for (Account a : accounts) {
      HrWorker w = match(a, byEmployeeId, byEmail);
      if (w == null) {
        unmatched.add(a);
      } else {
        accountsByWorker.get(w.employeeId()).add(a.id());
        matched++;
      }
    }
    Map<String, HrWorker> workerById = new LinkedHashMap<>();
    for (HrWorker w : workers) {
      workerById.putIfAbsent(w.employeeId(), w);
    }
    for (Map.Entry<String, List<AccountId>> e : accountsByWorker.entrySet()) {
      people.add(new Person(new PersonId(e.getKey()), workerById.get(e.getKey()), e.getValue()));
    }
    for (Account a : unmatched) {
      people.add(
          new Person(
              new PersonId(a.source().folder() + ":" + a.id().value()), null, List.of(a.id())));
    }
    return new Result(people, unmatched, matched);
  }

  /** Account id → the HR worker of the person holding it, for accounts that joined one. */
  public static Map<String, HrWorker> workersByAccount(List<Person> people) {
    Map<String, HrWorker> m = new HashMap<>();
    for (Person p : people) {
      HrWorker w = p.worker();
      if (w != null) {
        p.accounts().forEach(id -> m.put(id.value(), w));
      }
    }
    return m;
  }

  private static @Nullable HrWorker match(
      Account a, Map<String, HrWorker> byEmployeeId, Map<String, HrWorker> byEmail) {
    if (a.employeeId() != null && !a.employeeId().isBlank()) {
      HrWorker w = byEmployeeId.get(a.employeeId().trim());
      if (w != null) {
        return w;
      }
    }
    HrWorker w = byEmail.get(lower(a.login()));
    if (w == null && a.email() != null) {
      w = byEmail.get(lower(a.email()));
    }
    return w;
  }

  private static String lower(String s) {
    return s.trim().toLowerCase(Locale.ROOT);
  }
}
