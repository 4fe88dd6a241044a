package dev.least.policy.okta;

import static java.util.Objects.requireNonNull;

/**
 * A factor verified earlier in the user's Okta session.
 *
 * @param userVerified the authenticator verified the user (biometric or PIN), which makes a
 *     possession factor count as inherence too (FastPass with biometrics, FIDO2 with UV)
 * @param hardwareProtected the key is held in secure hardware
 * @param verifiedAtEpochMillis when it was verified
 */
public record VerifiedFactor(
    FactorMethod method,
    boolean userVerified,
    boolean hardwareProtected,
    long verifiedAtEpochMillis) {
  public VerifiedFactor {
    requireNonNull(method, "method");
  }

  public static VerifiedFactor of(FactorMethod method, long verifiedAtEpochMillis) {
    return new VerifiedFactor(method, false, false, verifiedAtEpochMillis);
  }
}
