package dev.least.policy;

/** Stable codes for what kept a policy from being evaluated exactly. */
public enum ProblemCode {
  /** The sign-in record lacks an attribute the policy conditions on (e.g. no device platform). */
  NOT_EVALUABLE_FROM_LOG,
  /** The policy uses a condition this engine does not know. */
  UNKNOWN_CONDITION,
  /** The policy requires a grant control this engine cannot judge. */
  UNSUPPORTED_GRANT_CONTROL,
  /** The policy references an id (group, location, role) absent from the snapshot. */
  UNKNOWN_REFERENCE,
  /** A device filter rule outside the supported subset. */
  DEVICE_FILTER_NOT_EVALUABLE,
  /** The policy body violates the vendor's own rules. */
  INVALID_POLICY
}
