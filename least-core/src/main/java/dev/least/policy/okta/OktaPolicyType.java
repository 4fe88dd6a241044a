package dev.least.policy.okta;

import org.jspecify.annotations.Nullable;

/** Okta policy types the snapshot contract carries; everything else is OTHER. */
public enum OktaPolicyType {
  OKTA_SIGN_ON,
  ACCESS_POLICY,
  MFA_ENROLL,
  PASSWORD,
  OTHER;

  public static OktaPolicyType parse(@Nullable String value) {
    if (value != null) {
      for (OktaPolicyType t : values()) {
        if (t.name().equals(value)) {
          return t;
        }
      }
    }
    return OTHER;
  }
}
