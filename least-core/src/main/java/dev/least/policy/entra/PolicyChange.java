package dev.least.policy.entra;

import static java.util.Objects.requireNonNull;

import dev.least.model.PolicyId;
import java.util.ArrayList;
import java.util.List;

/**
 * A what-if edit of the tenant's Conditional Access policy set: a policy added, replaced (same id)
 * or deleted. Applying an edit that does not fit the set (adding an id that exists, replacing or
 * deleting one that does not) is a broken contract and throws.
 */
public sealed interface PolicyChange
    permits PolicyChange.Added, PolicyChange.Replaced, PolicyChange.Deleted {

  /** The policy set after this change; the input is not modified. */
  List<ConditionalAccessPolicy> applyTo(List<ConditionalAccessPolicy> policies);

  /** A new policy. */
  record Added(ConditionalAccessPolicy policy) implements PolicyChange {
    public Added {
      requireNonNull(policy, "policy");
    }

    @Override
    public List<ConditionalAccessPolicy> applyTo(List<ConditionalAccessPolicy> policies) {
      if (indexOf(policies, policy.id()) >= 0) {
        throw new IllegalArgumentException("policy " + policy.id().value() + " already exists");
      }
      List<ConditionalAccessPolicy> out = new ArrayList<>(policies);
      out.add(policy);
      return List.copyOf(out);
    }
  }

  /** A policy edited in place: the same id with a new body. */
  record Replaced(ConditionalAccessPolicy policy) implements PolicyChange {
    public Replaced {
      requireNonNull(policy, "policy");
    }

    @Override
    public List<ConditionalAccessPolicy> applyTo(List<ConditionalAccessPolicy> policies) {
      int i = indexOf(policies, policy.id());
      if (i < 0) {
        throw new IllegalArgumentException("no policy " + policy.id().value() + " to replace");
      }
      List<ConditionalAccessPolicy> out = new ArrayList<>(policies);
      out.set(i, policy);
      return List.copyOf(out);
    }
  }

  /** A policy removed. */
  record Deleted(PolicyId id) implements PolicyChange {
    public Deleted {
      requireNonNull(id, "id");
    }

    @Override
    public List<ConditionalAccessPolicy> applyTo(List<ConditionalAccessPolicy> policies) {
      int i = indexOf(policies, id);
      if (i < 0) {
        throw new IllegalArgumentException("no policy " + id.value() + " to delete");
      }
      List<ConditionalAccessPolicy> out = new ArrayList<>(policies);
      out.remove(i);
      return List.copyOf(out);
    }
  }

  private static int indexOf(List<ConditionalAccessPolicy> policies, PolicyId id) {
    for (int i = 0; i < policies.size(); i++) {
      if (policies.get(i).id().equals(id)) {
        return i;
      }
    }
    return -1;
  }
}
