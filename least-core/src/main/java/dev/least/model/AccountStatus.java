package dev.least.model;

/**
 * Account lifecycle status, normalized over Entra ({@code accountEnabled}) and Okta ({@code
 * status}: STAGED, PROVISIONED, ACTIVE, RECOVERY, PASSWORD_EXPIRED, LOCKED_OUT, SUSPENDED,
 * DEPROVISIONED).
 */
public enum AccountStatus {
  ACTIVE,
  STAGED,
  PROVISIONED,
  RECOVERY,
  PASSWORD_EXPIRED,
  LOCKED_OUT,
  SUSPENDED,
  DISABLED,
  DEPROVISIONED,
  UNKNOWN;

  /** True when the account can sign in (or could after a self-service step). */
  public boolean canSignIn() {
    return switch (this) {
      case ACTIVE, RECOVERY, PASSWORD_EXPIRED, LOCKED_OUT -> true;
      default -> false;
    };
  }
}
