package dev.least.analysis;

import static java.util.Objects.requireNonNull;

import dev.least.model.SignInLog;
import dev.least.policy.entra.ConditionalAccessPolicy;
import dev.least.policy.okta.OktaPolicy;
import dev.least.policy.okta.OktaRule;
import dev.least.replay.DirectoryIndex;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Sorts the accounts of a log into classes that the policy engines of a what-if cannot tell apart,
 * so that sign-ins which differ only in their account can share one evaluation (as {@link
 * AddressClasses} does for addresses): two accounts are in one class when they have the same guest
 * flag, both known or both unknown to the directory, the same groups and the same Conditional
 * Access roles among those any given policy names, and neither is named by a policy — or both are
 * the same account.
 *
 * <p>This holds as long as an engine reads a sign-in's account only through the ids its policies
 * name: {@code ConditionalAccessEvaluator} through the users condition (user, group and role ids,
 * compared without case, and the guest flag), {@code OktaSignOnEvaluator} through a rule's people
 * condition and a policy's groups (user and group ids, plus the Everyone group every user is in).
 * Names are compared here without case, which only keeps more accounts apart. Pass every policy any
 * engine of the simulation was built with; {@code SituationKeysPropertiesTest} holds both engines
 * to it over random policies and logs. The account's principal kind is a column of the log and
 * stays in the situation key.
 */
final class AccountClasses {
  private final DirectoryIndex directory;
  private final Set<String> named = new HashSet<>(); // lower-case ids any policy names
  private final ClassOfCode classOfCode = new ClassOfCode(); // by account code
  private final Map<List<String>, Integer> classes = new HashMap<>();

  /** Classes for engines built with (a subset of) these policies. */
  AccountClasses(
      DirectoryIndex directory,
      Collection<ConditionalAccessPolicy> entra,
      Collection<OktaPolicy> okta) {
    this.directory = requireNonNull(directory, "directory");
    for (ConditionalAccessPolicy p : entra) {
      ConditionalAccessPolicy.Users u = p.users();
      name(u.includeUsers());
      name(u.excludeUsers());
      name(u.includeGroups());
      name(u.excludeGroups());
      name(u.includeRoles());
      name(u.excludeRoles());
    }
    for (OktaPolicy p : okta) {
      name(p.groupsInclude());
      for (OktaRule r : p.rules()) {
        name(r.usersInclude());
        name(r.usersExclude());
        name(r.groupsInclude());
        name(r.groupsExclude());
      }
    }
  }

  private void name(List<String> ids) {
    for (String id : ids) {
      named.add(id.toLowerCase(Locale.ROOT));
    }
  }

  /** The class of event {@code i}'s account. */
  int of(SignInLog log, int i) {
    int c = classOfCode.get(log.accountCode(i));
    if (c == ClassOfCode.NEW) {
      c = classOfCode.remember(classify(requireNonNull(log.accountId(i))));
    }
    return c;
  }

  /** Number of classes met so far. */
  int size() {
    return classes.size();
  }

  private int classify(String account) {
    List<String> signature = new ArrayList<>();
    signature.add(directory.account(account) == null ? "unknown" : "known");
    signature.add(directory.isGuest(account) ? "guest" : "member");
    signature.add(named(account) ? account : "");
    signature.add("groups");
    signature.addAll(namedOf(directory.groupsOf(account)));
    signature.add("roles");
    signature.addAll(namedOf(directory.conditionalAccessRolesOf(account)));
    Integer c = classes.get(signature);
    if (c == null) {
      c = classes.size();
      classes.put(List.copyOf(signature), c);
    }
    return c;
  }

  private boolean named(String id) {
    return named.contains(id.toLowerCase(Locale.ROOT));
  }

  private List<String> namedOf(Set<String> ids) {
    List<String> out = new ArrayList<>();
    for (String id : ids) {
      if (named(id)) {
        out.add(id);
      }
    }
    out.sort(null);
    return out;
  }
}
