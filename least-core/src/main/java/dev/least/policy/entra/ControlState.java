package dev.least.policy.entra;

/**
 * Whether a grant control (or a policy's whole grant) is met for one sign-in: already satisfied,
 * satisfiable only by a user action (an MFA prompt, a password change), not satisfiable here
 * (block, a non-compliant device, a legacy client that cannot do MFA), or not knowable from the
 * record.
 */
public enum ControlState {
  SATISFIED,
  NEEDS_USER_ACTION,
  UNSATISFIABLE,
  UNKNOWN;

  /** Both must hold (grant operator AND). */
  public ControlState and(ControlState other) {
    if (this == UNSATISFIABLE || other == UNSATISFIABLE) {
      return UNSATISFIABLE;
    }
    if (this == UNKNOWN || other == UNKNOWN) {
      return UNKNOWN;
    }
    if (this == NEEDS_USER_ACTION || other == NEEDS_USER_ACTION) {
      return NEEDS_USER_ACTION;
    }
    return SATISFIED;
  }

  /** One suffices (grant operator OR): "as soon as the policy requirements are satisfied". */
  public ControlState or(ControlState other) {
    if (this == SATISFIED || other == SATISFIED) {
      return SATISFIED;
    }
    if (this == UNKNOWN || other == UNKNOWN) {
      return UNKNOWN;
    }
    if (this == NEEDS_USER_ACTION || other == NEEDS_USER_ACTION) {
      return NEEDS_USER_ACTION;
    }
    return UNSATISFIABLE;
  }
}
