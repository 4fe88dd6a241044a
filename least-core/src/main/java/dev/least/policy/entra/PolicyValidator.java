package dev.least.policy.entra;

import dev.least.policy.EvaluationProblem;
import dev.least.policy.ProblemCode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Checks a policy body against the vendor's own rules before evaluation. A policy that breaks them
 * (Graph would have refused it) cannot be evaluated as Entra would: its result is UNKNOWN with an
 * {@link ProblemCode#INVALID_POLICY} problem.
 */
final class PolicyValidator {
  private PolicyValidator() {}

  /** Problems that make the policy invalid. */
  static List<EvaluationProblem> invalidities(ConditionalAccessPolicy p) {
    String id = p.id().value();
    List<EvaluationProblem> out = new ArrayList<>();
    if (p.state() == PolicyState.UNKNOWN) {
      out.add(invalid(id, "state is not enabled, disabled or enabledForReportingButNotEnforced"));
    }
    if (p.state() == PolicyState.REPORT_ONLY && !p.applications().includeUserActions().isEmpty()) {
      // concept-conditional-access-report-only: report-only except for "User Actions"
      out.add(invalid(id, "user actions cannot be evaluated in report-only mode"));
    }
    if (p.platforms().includePlatforms().isEmpty() && !p.platforms().excludePlatforms().isEmpty()) {
      out.add(invalid(id, "platforms exclude without include"));
    }
    ConditionalAccessPolicy.DeviceFilter df = p.deviceFilter();
    if (df != null) {
      String mode = df.mode().toLowerCase(Locale.ROOT);
      if (!mode.equals("include") && !mode.equals("exclude")) {
        out.add(invalid(id, "device filter mode '" + df.mode() + "'"));
      }
    }
    ConditionalAccessPolicy.GrantControls g = p.grantControls();
    if (g != null) {
      String op = g.operator().trim().toUpperCase(Locale.ROOT);
      if (!op.equals("AND") && !op.equals("OR")) {
        out.add(invalid(id, "grant operator '" + g.operator() + "'"));
      }
      boolean passwordChange =
          g.builtInControls().stream()
              .anyMatch(c -> GrantControl.parseBuiltIn(c) == GrantControl.PASSWORD_CHANGE);
      if (passwordChange) {
        passwordChangeRules(p, g, op, out);
      }
    }
    return out;
  }

  /** GR/conditionalaccessgrantcontrols: passwordChange needs mfa under AND, user risk, All apps. */
  private static void passwordChangeRules(
      ConditionalAccessPolicy p,
      ConditionalAccessPolicy.GrantControls g,
      String op,
      List<EvaluationProblem> out) {
    String id = p.id().value();
    boolean mfa =
        g.builtInControls().stream()
            .anyMatch(c -> GrantControl.parseBuiltIn(c) == GrantControl.MFA);
    if (!mfa || !op.equals("AND")) {
      out.add(invalid(id, "passwordChange requires mfa under AND"));
    }
    if (p.userRiskLevels().isEmpty()) {
      out.add(invalid(id, "passwordChange requires userRiskLevels"));
    }
    List<String> inc = p.applications().includeApplications();
    boolean allApps = inc.size() == 1 && inc.get(0).equalsIgnoreCase("All");
    if (!allApps || !p.applications().excludeApplications().isEmpty()) {
      out.add(invalid(id, "passwordChange requires All applications without exclusions"));
    }
    boolean clientAppsConfigured =
        !p.clientAppTypes().isEmpty()
            && !(p.clientAppTypes().size() == 1 && p.clientAppTypes().get(0).equals("all"));
    if (!p.locations().includeLocations().isEmpty()
        || !p.platforms().includePlatforms().isEmpty()
        || !p.signInRiskLevels().isEmpty()
        || p.deviceFilter() != null
        || clientAppsConfigured) {
      out.add(
          invalid(id, "passwordChange allows no condition but users, applications and user risk"));
    }
  }

  /** Problems that do not invalidate the policy but leave part of it unknown to this engine. */
  static List<EvaluationProblem> gaps(ConditionalAccessPolicy p) {
    String id = p.id().value();
    List<EvaluationProblem> out = new ArrayList<>();
    for (String v : p.unknownValues()) {
      out.add(new EvaluationProblem(ProblemCode.UNKNOWN_CONDITION, id, "unknown value " + v));
    }
    ConditionalAccessPolicy.GrantControls g = p.grantControls();
    if (g != null) {
      for (String c : g.builtInControls()) {
        if (GrantControl.parseBuiltIn(c) == GrantControl.UNSUPPORTED) {
          out.add(
              new EvaluationProblem(
                  ProblemCode.UNSUPPORTED_GRANT_CONTROL, id, "grant control '" + c + "'"));
        }
      }
    }
    for (String c : p.clientAppTypes()) {
      if (!c.equals("all")
          && dev.least.model.ClientAppType.fromPolicyValue(c)
              == dev.least.model.ClientAppType.UNKNOWN) {
        out.add(
            new EvaluationProblem(
                ProblemCode.UNKNOWN_CONDITION, id, "client app type '" + c + "'"));
      }
    }
    return out;
  }

  /** Whether an unknown value concerns the grant rather than the conditions. */
  static boolean isGrantValue(String unknownValue) {
    return unknownValue.toLowerCase(Locale.ROOT).contains("controls");
  }

  private static EvaluationProblem invalid(String id, String detail) {
    return new EvaluationProblem(ProblemCode.INVALID_POLICY, id, detail);
  }
}
