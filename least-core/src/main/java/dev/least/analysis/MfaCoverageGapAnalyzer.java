package dev.least.analysis;

import dev.least.model.Account;
import dev.least.model.ClientAppType;
import dev.least.model.PolicyId;
import dev.least.model.PrincipalKind;
import dev.least.model.RiskLevel;
import dev.least.model.RoleDefinition;
import dev.least.model.Source;
import dev.least.model.TriState;
import dev.least.policy.Evaluation;
import dev.least.policy.PolicyOutcome;
import dev.least.policy.SignInFacts;
import dev.least.policy.entra.ConditionalAccessEvaluator;
import dev.least.policy.entra.ConditionalAccessPolicy;
import dev.least.policy.entra.PolicyChange;
import dev.least.policy.entra.PolicyState;
import dev.least.recommend.Evidence;
import dev.least.recommend.JsonValue;
import dev.least.recommend.Mode;
import dev.least.recommend.Patch;
import dev.least.recommend.Recommendation;
import dev.least.recommend.RecommendationType;
import dev.least.recommend.Ref;
import dev.least.recommend.Risk;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code mfa_coverage_gap} (Entra): an enabled account holding a privileged directory role (Graph
 * {@code isPrivileged}, or Global Administrator) that no enabled CA policy makes prove MFA on an
 * ordinary sign-in. The question is asked of the policy engine with a hypothetical sign-in: the
 * account, an app no policy names (so only all-apps policies count), a browser on Windows, from an
 * address in no named location (so "outside trusted locations" policies apply), no risk, unmanaged
 * device. Covered means some enabled policy requires {@code mfa}, an authentication strength or
 * {@code block} outright (an OR with another control, such as "MFA or compliant device", does not
 * guarantee MFA). Guardrail-protected accounts (break-glass) are left alone. Confidence 0.9; risk
 * medium (a new MFA requirement prompts an administrator). Impact: a policy requiring MFA for the
 * account on all apps, replayed as enforced over the account's sign-ins.
 */
public final class MfaCoverageGapAnalyzer implements PolicyChangeAnalyzer {
  static final String GLOBAL_ADMIN = "62e90394-69f5-4237-9190-012177145e10";
  static final String PROBE_APP = "00000000-0000-0000-0000-00000000c0de";
  static final String PROBE_IP = "192.0.2.77";

  @Override
  public RecommendationType type() {
    return RecommendationType.MFA_COVERAGE_GAP;
  }

  @Override
  public Optional<String> skipReason(AnalysisInput in) {
    if (in.snapshot().roles().isEmpty() || in.snapshot().roleAssignments().isEmpty()) {
      return Optional.of("no Entra directory roles (roleManagement/directory/*.json)");
    }
    return Optional.empty();
  }

  @Override
  public List<Proposal> propose(AnalysisInput in) {
    Map<String, RoleDefinition> privileged = new HashMap<>();
    for (RoleDefinition r : in.snapshot().roles()) {
      String template = r.templateId() == null ? r.id().value() : r.templateId();
      if (r.privileged() || GLOBAL_ADMIN.equals(template)) {
        privileged.put(template, r);
        privileged.put(r.id().value(), r);
      }
    }
    ConditionalAccessEvaluator engine =
        new ConditionalAccessEvaluator(
            in.snapshot().conditionalAccessPolicies(), in.snapshot().locations());
    List<Proposal> out = new ArrayList<>();
    for (Account a : in.snapshot().accounts()) {
      if (a.source() != Source.ENTRA || !a.status().canSignIn() || in.guardrails().protects(a)) {
        continue;
      }
      String id = a.id().value();
      Set<String> roles = in.directory().rolesOf(id);
      List<RoleDefinition> held = new ArrayList<>();
      for (String r : roles) {
        RoleDefinition def = privileged.get(r);
        if (def != null && !held.contains(def)) {
          held.add(def);
        }
      }
      if (held.isEmpty()) {
        continue;
      }
      SignInFacts probe =
          new SignInFacts(
              id,
              PrincipalKind.USER,
              in.directory().isGuest(id),
              in.directory().groupsOf(id),
              roles,
              PROBE_APP,
              ClientAppType.BROWSER,
              "windows",
              PROBE_IP,
              null,
              RiskLevel.NONE,
              RiskLevel.NONE,
              TriState.FALSE,
              TriState.FALSE,
              TriState.FALSE,
              true,
              in.nowMillis());
      Evaluation ev = engine.evaluate(probe);
      if (covered(ev)) {
        continue;
      }
      List<String> names = held.stream().map(RoleDefinition::name).toList();
      Ref target = new Ref("user", id, a.login());
      String recId = Recommendation.stableId(type(), "entra", target, List.of());
      String policyName = "Require MFA for " + a.login();
      // the patch starts in report-only; the impact is that of enforcing it
      WhatIfChange change =
          WhatIfChange.Entra.of(
              new PolicyChange.Added(
                  ConditionalAccessPolicy.proposed(
                      new PolicyId(ProposedPolicies.idFor(recId)),
                      policyName,
                      PolicyState.ENABLED,
                      new ConditionalAccessPolicy.Users(
                          List.of(id),
                          List.of(),
                          List.of(),
                          List.of(),
                          List.of(),
                          List.of(),
                          null,
                          null),
                      List.of("All"),
                      List.of(),
                      new ConditionalAccessPolicy.Locations(List.of(), List.of()),
                      List.of("mfa"))));
      Patch patch =
          new Patch(
              "POST",
              "/identity/conditionalAccess/policies",
              JsonValue.obj(
                  "displayName",
                  policyName,
                  "state",
                  "enabledForReportingButNotEnforced",
                  "conditions",
                  JsonValue.obj(
                      "users", JsonValue.obj("includeUsers", List.of(id)),
                      "applications", JsonValue.obj("includeApplications", List.of("All")),
                      "clientAppTypes", List.of("all")),
                  "grantControls",
                  JsonValue.obj("operator", "OR", "builtInControls", List.of("mfa"))));
      out.add(
          new Proposal(
              new Recommendation(
                  recId,
                  type(),
                  "entra",
                  target,
                  List.of(),
                  "Require MFA for "
                      + a.login()
                      + " ("
                      + String.join(", ", names)
                      + "): add the role to the admin MFA policy or remove the exclusion; the patch"
                      + " creates a report-only policy requiring MFA for the account on all apps",
                  patch,
                  0.9,
                  Risk.MEDIUM,
                  Map.of(),
                  a.login()
                      + " holds "
                      + String.join(", ", names)
                      + " and no enabled policy requires MFA on a browser sign-in to an app no policy"
                      + " names from an address outside every named location",
                  List.of(
                      Evidence.fact("privileged roles", String.join(", ", names)),
                      Evidence.count(
                          "enabled policies evaluated",
                          in.snapshot().conditionalAccessPolicies().stream()
                              .filter(p -> p.state() == dev.least.policy.entra.PolicyState.ENABLED)
                              .count()),
                      Evidence.fact(
                          "policies that apply to the probe sign-in", applied(ev).toString())),
                  Mode.ADVISORY),
              change));
    }
    return out;
  }

  private static boolean covered(Evaluation ev) {
    for (PolicyOutcome o : ev.outcomes()) {
      for (String c : o.requiredControls()) {
        if (c.equals("mfa") || c.equals("authenticationStrength") || c.equals("block")) {
          return true;
        }
      }
    }
    return false;
  }

  private static List<String> applied(Evaluation ev) {
    List<String> out = new ArrayList<>();
    for (PolicyOutcome o : ev.outcomes()) {
      if (!o.requiredControls().isEmpty()) {
        out.add(o.policyId() + " " + o.requiredControls());
      }
    }
    return out;
  }
}
