package dev.least.analysis;

import dev.least.model.NamedLocation;
import dev.least.model.PolicyId;
import dev.least.policy.entra.ConditionalAccessPolicy;
import dev.least.policy.entra.PolicyChange;
import dev.least.policy.okta.OktaPolicy;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A recommendation's suggested change in a form the policy engine can replay: what the platform's
 * policies and locations would be after it. {@link SimulatedImpact} runs it through the what-if
 * {@link dev.least.replay.Simulation} over the snapshot's sign-ins.
 */
public sealed interface WhatIfChange permits WhatIfChange.Entra, WhatIfChange.Okta {

  /** Locations (named locations or zones) the change creates; empty when it creates none. */
  List<NamedLocation> addedLocations();

  /**
   * Conditional Access edits applied in order, plus named locations created.
   *
   * @param policyChanges policies added, replaced or deleted
   * @param addedLocations named locations the change creates (referenced by id or, when trusted,
   *     through {@code AllTrusted})
   */
  record Entra(List<PolicyChange> policyChanges, List<NamedLocation> addedLocations)
      implements WhatIfChange {
    public Entra {
      policyChanges = List.copyOf(policyChanges);
      addedLocations = List.copyOf(addedLocations);
      if (policyChanges.isEmpty() && addedLocations.isEmpty()) {
        throw new IllegalArgumentException("a what-if change must change something");
      }
    }

    /** One policy edit. */
    public static Entra of(PolicyChange change) {
      return new Entra(List.of(change), List.of());
    }

    /** The policy set after the change. */
    public List<ConditionalAccessPolicy> applyTo(List<ConditionalAccessPolicy> policies) {
      List<ConditionalAccessPolicy> out = policies;
      for (PolicyChange c : policyChanges) {
        out = c.applyTo(out);
      }
      return out;
    }

    /** Ids of the policies the change touches. */
    public Set<PolicyId> touched() {
      Set<PolicyId> out = new HashSet<>();
      for (PolicyChange c : policyChanges) {
        if (c instanceof PolicyChange.Added a) {
          out.add(a.policy().id());
        } else if (c instanceof PolicyChange.Replaced r) {
          out.add(r.policy().id());
        } else if (c instanceof PolicyChange.Deleted d) {
          out.add(d.id());
        }
      }
      return out;
    }

    /** The new bodies of added and replaced policies. */
    public List<ConditionalAccessPolicy> newBodies() {
      List<ConditionalAccessPolicy> out = new ArrayList<>();
      for (PolicyChange c : policyChanges) {
        if (c instanceof PolicyChange.Added a) {
          out.add(a.policy());
        } else if (c instanceof PolicyChange.Replaced r) {
          out.add(r.policy());
        }
      }
      return out;
    }
  }

  /**
   * Okta policies replaced by a new body with the same id (rules removed, deactivated or with other
   * actions; the policy itself deactivated), plus zones created. Only changes that leave every
   * rule's conditions as they are and activate nothing, so only sign-ins a touched policy decides
   * today can change (besides those inside an added zone).
   */
  record Okta(List<OktaPolicy> replacedPolicies, List<NamedLocation> addedLocations)
      implements WhatIfChange {
    public Okta {
      replacedPolicies = List.copyOf(replacedPolicies);
      addedLocations = List.copyOf(addedLocations);
      if (replacedPolicies.isEmpty() && addedLocations.isEmpty()) {
        throw new IllegalArgumentException("a what-if change must change something");
      }
    }

    /** The policy set after the change. */
    public List<OktaPolicy> applyTo(List<OktaPolicy> policies) {
      List<OktaPolicy> out = new ArrayList<>(policies);
      for (OktaPolicy p : replacedPolicies) {
        boolean found = false;
        for (int i = 0; i < out.size(); i++) {
          if (out.get(i).id().equals(p.id())) {
            out.set(i, p);
            found = true;
          }
        }
        if (!found) {
          throw new IllegalArgumentException("no Okta policy " + p.id().value() + " to replace");
        }
      }
      return List.copyOf(out);
    }

    /** Ids of the policies the change touches. */
    public Set<String> touched() {
      Set<String> out = new HashSet<>();
      replacedPolicies.forEach(p -> out.add(p.id().value()));
      return out;
    }
  }
}
