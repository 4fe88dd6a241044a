package dev.least.policy.okta;

import static java.util.Objects.requireNonNull;

import dev.least.policy.EvaluationProblem;
import dev.least.policy.PolicyOutcome;
import java.util.ArrayList;
import java.util.List;

/**
 * Explains one sign-in for {@code least simulate --user … --app …}: which policy and rule matched,
 * why each earlier policy or rule did not, what the matched rule demands and whether the session
 * already meets it.
 */
public final class OktaWhatIf {
  private final OktaSignOnEvaluator evaluator;

  public OktaWhatIf(OktaSignOnEvaluator evaluator) {
    this.evaluator = requireNonNull(evaluator, "evaluator");
  }

  /** The explanation: the full result and its rendering, one line per fact. */
  public record Explanation(OktaSignOnResult result, List<String> lines) {
    public Explanation {
      requireNonNull(result, "result");
      lines = List.copyOf(lines);
    }

    public String text() {
      return String.join(System.lineSeparator(), lines);
    }
  }

  public Explanation explain(OktaSignInRequest request) {
    OktaSignOnResult r = evaluator.explain(request);
    return new Explanation(r, render(r));
  }

  /** Renders a result (from {@link OktaSignOnEvaluator#explain}) as text lines. */
  public static List<String> render(OktaSignOnResult r) {
    List<String> out = new ArrayList<>();
    out.add("Decision: " + r.evaluation().decision());
    if (!r.blockedBy().isEmpty()) {
      out.add("Blocked before policy evaluation by blocklist zone(s) " + r.blockedBy());
      return out;
    }
    out.add("Global session policies (OKTA_SIGN_ON), in evaluation order:");
    if (r.sessionPolicies().isEmpty()) {
      out.add("  (none applies)");
    }
    for (PolicyTrace p : r.sessionPolicies()) {
      policy(p, r, out);
    }
    out.add("Authentication policy: " + r.appPolicyNote());
    PolicyTrace app = r.appPolicy();
    if (app != null) {
      policy(app, r, out);
    }
    if (!r.evaluation().problems().isEmpty()) {
      out.add("Problems:");
      for (EvaluationProblem p : r.evaluation().problems()) {
        out.add("  " + p.code() + " [" + p.policyId() + "] " + p.detail());
      }
    }
    return out;
  }

  private static void policy(PolicyTrace p, OktaSignOnResult r, List<String> out) {
    out.add(
        "  '"
            + p.name()
            + "' ("
            + p.policyId()
            + ", priority "
            + p.priority()
            + "): "
            + p.status()
            + " - "
            + p.detail());
    for (RuleTrace t : p.rules()) {
      StringBuilder line =
          new StringBuilder("    rule '")
              .append(t.name())
              .append("' (")
              .append(t.ruleId())
              .append(", priority ")
              .append(t.priority())
              .append(t.system() ? ", system" : "")
              .append("): ")
              .append(t.status());
      List<String> why = new ArrayList<>();
      for (ConditionCheck c : t.checks()) {
        boolean relevant =
            switch (t.status()) {
              case NOT_MATCHED -> c.match() == Match.NO_MATCH;
              case UNDECIDED -> c.match() != Match.MATCH;
              case MATCHED, INACTIVE -> true;
            };
        if (relevant) {
          why.add(c.toString());
        }
      }
      if (!why.isEmpty()) {
        line.append(" - ").append(String.join("; ", why));
      }
      out.add(line.toString());
    }
    for (PolicyOutcome o : r.evaluation().outcomes()) {
      if (o.policyId().equals(p.policyId())
          && o.ruleId() != null
          && o.ruleId().equals(p.matchedRuleId())) {
        String reason = o.reasons().isEmpty() ? "" : o.reasons().get(o.reasons().size() - 1);
        out.add("    => " + o.result() + " " + o.requiredControls() + " - " + reason);
      }
    }
  }
}
