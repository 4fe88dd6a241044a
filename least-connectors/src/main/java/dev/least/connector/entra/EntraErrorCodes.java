package dev.least.connector.entra;

import dev.least.model.SignInOutcome;

/**
 * Maps {@code status.errorCode} to an outcome. 0 is success. A code is an <em>interrupt</em> when
 * the sign-in stopped to ask the user for something they can supply in the same flow, so that a
 * later row of the same correlation id may succeed. The list follows Microsoft's AADSTS error-code
 * reference (learn.microsoft.com/entra/identity-platform/reference-error-codes): the codes whose
 * names Microsoft gives an {@code Interrupt} suffix (50072 UserStrongAuthEnrollmentRequired
 * Interrupt, 50074 UserStrongAuthClientAuthNRequiredInterrupt, 50125
 * PasswordResetRegistrationRequiredInterrupt, 50140 KmsiInterrupt) plus the codes that ask for a
 * step the user can take: 50055 password expired (change it), 50076 MFA required, 50079 MFA
 * registration required, 50097 device authentication required, 50129 workplace join required, 50158
 * external security challenge, 53000 device not compliant, 53001 device not domain joined, 53002
 * app not approved, 53004 proof-up blocked until risk is remediated.
 *
 * <p>Deliberately FAILURE: 53003 (BlockedByConditionalAccess) and 530032
 * (BlockedByConditionalAccessOnSecurityPolicy) are blocks no user action passes; 700082 (refresh
 * token expired by inactivity) ends the token request, and the new interactive sign-in it forces is
 * a separate row.
 */
public final class EntraErrorCodes {
  private EntraErrorCodes() {}

  /** Outcome of a sign-in with {@code errorCode}. */
  public static SignInOutcome outcome(int errorCode) {
    if (errorCode == 0) {
      return SignInOutcome.SUCCESS;
    }
    return isInterrupt(errorCode) ? SignInOutcome.INTERRUPTED : SignInOutcome.FAILURE;
  }

  /** True for the interrupt codes listed in the class comment. */
  public static boolean isInterrupt(int errorCode) {
    switch (errorCode) {
      case 50055:
      case 50072:
      case 50074:
      case 50076:
      case 50079:
      case 50097:
      case 50125:
      case 50129:
      case 50140:
      case 50158:
      case 53000:
      case 53001:
      case 53002:
      case 53004:
        return true;
      default:
        return false;
    }
  }
}
