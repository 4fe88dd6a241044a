package dev.least.policy.entra;

import static java.util.Objects.requireNonNull;

/** One condition's verdict for one sign-in, with the evidence, e.g. "excluded by group g1". */
public record ConditionVerdict(Condition condition, Verdict verdict, String detail) {
  public ConditionVerdict {
    requireNonNull(condition, "condition");
    requireNonNull(verdict, "verdict");
    requireNonNull(detail, "detail");
  }

  @Override
  public String toString() {
    return condition.label() + " " + verdict + ": " + detail;
  }
}
