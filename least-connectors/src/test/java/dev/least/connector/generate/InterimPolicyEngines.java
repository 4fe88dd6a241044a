package dev.least.connector.generate;

import dev.least.model.App;
import dev.least.model.ClientAppType;
import dev.least.model.NamedLocation;
import dev.least.model.PolicyResult;
import dev.least.model.Source;
import dev.least.model.TenantSnapshot;
import dev.least.model.TriState;
import dev.least.policy.Decision;
import dev.least.policy.Evaluation;
import dev.least.policy.PolicyOutcome;
import dev.least.policy.SignInEvaluator;
import dev.least.policy.SignInFacts;
import dev.least.policy.entra.ConditionalAccessPolicy;
import dev.least.policy.entra.PolicyState;
import dev.least.policy.okta.OktaPolicy;
import dev.least.policy.okta.OktaPolicyType;
import dev.least.policy.okta.OktaRule;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * TEST-ONLY stand-in for the Conditional Access engine while it is being written (Okta: the real
 * {@code OktaSignOnEvaluator}): the small subset of Conditional Access and Okta policy semantics
 * the generated policies use (users, groups, roles, apps, client apps, locations, sign-in risk;
 * Okta priority order, zones, groups, factor modes). Never shipped; the CLI wires the real
 * evaluators.
 */
final class InterimPolicyEngines implements PolicyEngines {
  @Override
  public SignInEvaluator entra(TenantSnapshot d) {
    List<ConditionalAccessPolicy> policies = d.conditionalAccessPolicies();
    List<NamedLocation> locations = new ArrayList<>();
    for (NamedLocation l : d.locations()) {
      if (l.source() == Source.ENTRA) {
        locations.add(l);
      }
    }
    return facts -> {
      List<PolicyOutcome> out = new ArrayList<>();
      boolean block = false;
      boolean require = false;
      for (ConditionalAccessPolicy p : policies) {
        List<String> controls =
            p.grantControls() == null ? List.of() : p.grantControls().builtInControls();
        if (p.state() == PolicyState.DISABLED) {
          out.add(
              new PolicyOutcome(
                  p.id().value(), null, PolicyResult.NOT_ENABLED, List.of(), List.of()));
          continue;
        }
        boolean report = p.state() == PolicyState.REPORT_ONLY;
        if (!applies(p, facts, locations)) {
          out.add(
              new PolicyOutcome(
                  p.id().value(),
                  null,
                  report ? PolicyResult.REPORT_ONLY_NOT_APPLIED : PolicyResult.NOT_APPLIED,
                  List.of(),
                  List.of()));
          continue;
        }
        boolean ok = false;
        for (String c : controls) {
          ok |=
              c.equals("mfa") && facts.mfaSatisfied() == TriState.TRUE
                  || c.equals("compliantDevice") && facts.deviceCompliant() == TriState.TRUE;
        }
        PolicyResult r =
            report
                ? (ok ? PolicyResult.REPORT_ONLY_SUCCESS : PolicyResult.REPORT_ONLY_FAILURE)
                : ok ? PolicyResult.SUCCESS : PolicyResult.FAILURE;
        if (!report && !ok) {
          if (controls.contains("block")) {
            block = true;
          } else {
            require = true;
          }
        }
        out.add(new PolicyOutcome(p.id().value(), null, r, controls, List.of()));
      }
      Decision dec = block ? Decision.BLOCK : require ? Decision.REQUIRE_CONTROLS : Decision.ALLOW;
      return new Evaluation(dec, out, List.of());
    };
  }

  private static boolean any(Collection<String> a, Collection<String> b) {
    for (String x : a) {
      if (b.contains(x)) {
        return true;
      }
    }
    return false;
  }

  private static boolean applies(
      ConditionalAccessPolicy p, SignInFacts f, List<NamedLocation> locations) {
    ConditionalAccessPolicy.Users u = p.users();
    boolean in =
        u.includeUsers().contains("All")
            || u.includeUsers().contains(f.accountId())
            || (u.includeUsers().contains("GuestsOrExternalUsers") && f.guest())
            || any(u.includeGroups(), f.groupIds())
            || any(u.includeRoles(), f.roleTemplateIds());
    if (!in
        || u.excludeUsers().contains(f.accountId())
        || any(u.excludeGroups(), f.groupIds())
        || any(u.excludeRoles(), f.roleTemplateIds())) {
      return false;
    }
    List<String> apps = p.applications().includeApplications();
    if (!apps.contains("All") && (f.appId() == null || !apps.contains(f.appId()))) {
      return false;
    }
    if (!p.clientAppTypes().contains("all")) {
      boolean match = false;
      for (String c : p.clientAppTypes()) {
        match |= ClientAppType.fromPolicyValue(c) == f.clientApp();
      }
      if (!match) {
        return false;
      }
    }
    if (!p.signInRiskLevels().isEmpty()
        && !p.signInRiskLevels().contains(f.signInRisk().name().toLowerCase(Locale.ROOT))) {
      return false;
    }
    List<String> inc = p.locations().includeLocations();
    if (!inc.isEmpty()) {
      if (!inc.contains("All") && !inLocations(inc, f.ip(), locations)) {
        return false;
      }
      if (inLocations(p.locations().excludeLocations(), f.ip(), locations)) {
        return false;
      }
    }
    return true;
  }

  private static boolean inLocations(
      List<String> refs, @Nullable String ip, List<NamedLocation> locations) {
    if (ip == null) {
      return false;
    }
    for (NamedLocation l : locations) {
      boolean named = refs.contains(l.id().value()) || refs.contains("AllTrusted") && l.trusted();
      if (named && inRanges(l.ranges(), ip)) {
        return true;
      }
    }
    return false;
  }

  static boolean inRanges(List<String> ranges, String ip) {
    long a = ipv4(ip);
    for (String r : ranges) {
      if (r.contains("/")) {
        int bits = Integer.parseInt(r.substring(r.indexOf('/') + 1));
        long base = ipv4(r.substring(0, r.indexOf('/')));
        long mask = bits == 0 ? 0 : (0xffffffffL << (32 - bits)) & 0xffffffffL;
        if ((a & mask) == (base & mask)) {
          return true;
        }
      } else if (r.contains("-")) {
        long lo = ipv4(r.substring(0, r.indexOf('-')));
        long hi = ipv4(r.substring(r.indexOf('-') + 1));
        if (a >= lo && a <= hi) {
          return true;
        }
      }
    }
    return false;
  }

  private static long ipv4(String ip) {
    String[] p = ip.split("\\.");
    long v = 0;
    for (String x : p) {
      v = (v << 8) | Integer.parseInt(x);
    }
    return v;
  }

  @Override
  public SignInEvaluator okta(TenantSnapshot d) {
    return new OktaSessionEvaluator(dev.least.policy.okta.OktaSignOnEvaluator.of(d));
  }

  /** The interim Okta subset, kept for comparison with the real engine. */
  SignInEvaluator interimOkta(TenantSnapshot d) {
    List<OktaPolicy> signOn = new ArrayList<>();
    for (OktaPolicy p : d.oktaPolicies()) {
      if (p.type() == OktaPolicyType.OKTA_SIGN_ON && p.active()) {
        signOn.add(p);
      }
    }
    signOn.sort(Comparator.comparingInt(OktaPolicy::priority));
    List<NamedLocation> zones = new ArrayList<>();
    for (NamedLocation l : d.locations()) {
      if (l.source() == Source.OKTA) {
        zones.add(l);
      }
    }
    return facts -> {
      OktaPolicy policy = null;
      if (facts.appId() == null) {
        for (OktaPolicy p : signOn) {
          if (p.groupsInclude().isEmpty() || any(p.groupsInclude(), facts.groupIds())) {
            policy = p;
            break;
          }
        }
      } else {
        for (App a : d.apps()) {
          if (a.id().value().equals(facts.appId()) && a.accessPolicyId() != null) {
            for (OktaPolicy p : d.oktaPolicies()) {
              if (p.id().equals(a.accessPolicyId())) {
                policy = p;
              }
            }
          }
        }
      }
      if (policy == null) {
        return new Evaluation(Decision.ALLOW, List.of(), List.of());
      }
      List<OktaRule> rules = new ArrayList<>(policy.rules());
      rules.sort(Comparator.comparingInt(OktaRule::priority));
      for (OktaRule r : rules) {
        if (!r.groupsInclude().isEmpty() && !any(r.groupsInclude(), facts.groupIds())) {
          continue;
        }
        if (r.networkConnection().equals("ZONE") && facts.ip() != null) {
          boolean inExcluded = false;
          for (NamedLocation z : zones) {
            inExcluded |=
                r.zonesExclude().contains(z.id().value()) && inRanges(z.ranges(), facts.ip());
          }
          if (inExcluded) {
            continue;
          }
        }
        boolean needFactor =
            policy.type() == OktaPolicyType.OKTA_SIGN_ON
                ? r.requireFactor()
                : "2FA".equals(r.factorMode());
        PolicyResult res;
        Decision dec;
        if (r.action().equals("DENY")) {
          res = PolicyResult.DENY;
          dec = Decision.BLOCK;
        } else if (needFactor && facts.mfaSatisfied() != TriState.TRUE) {
          res = PolicyResult.CHALLENGE;
          dec = Decision.REQUIRE_CONTROLS;
        } else {
          res = PolicyResult.ALLOW;
          dec = Decision.ALLOW;
        }
        return new Evaluation(
            dec,
            List.of(
                new PolicyOutcome(
                    policy.id().value(),
                    r.id(),
                    res,
                    needFactor ? List.of("mfa") : List.of(),
                    List.of())),
            List.of());
      }
      return new Evaluation(Decision.ALLOW, List.of(), List.of());
    };
  }
}
