package dev.least.model;

/**
 * How a sign-in ended. Entra: {@code status.errorCode} 0 is success; interrupt codes (e.g. 50074,
 * 50076 MFA required, 50079, 50125, 50140, 50158, 53000-53004 CA interrupts) are INTERRUPTED, the
 * rest FAILURE. Okta: {@code outcome.result} SUCCESS/ALLOW, FAILURE/DENY, CHALLENGE.
 */
public enum SignInOutcome {
  SUCCESS,
  FAILURE,
  INTERRUPTED,
  UNKNOWN
}
