package dev.least.policy.okta;

import java.util.Locale;

/**
 * Authentication methods as the SPEC {@code methods} enum names them, with the authenticator {@code
 * types} value each belongs to and the possession properties fixed by the method. Okta FastPass is
 * {@link #SIGNED_NONCE}; {@link #IDP} is a federated (FEDERATED type) sign-in.
 */
public enum FactorMethod {
  PASSWORD(FactorClass.KNOWLEDGE, "PASSWORD", false, false),
  SECURITY_QUESTION(FactorClass.KNOWLEDGE, "SECURITY_QUESTION", false, false),
  SMS(FactorClass.POSSESSION, "PHONE", false, false),
  VOICE(FactorClass.POSSESSION, "PHONE", false, false),
  EMAIL(FactorClass.POSSESSION, "EMAIL", false, false),
  PUSH(FactorClass.POSSESSION, "APP", false, true),
  OTP(FactorClass.POSSESSION, "APP", false, true),
  TOTP(FactorClass.POSSESSION, "APP", false, true),
  SIGNED_NONCE(FactorClass.POSSESSION, "APP", true, true),
  WEBAUTHN(FactorClass.POSSESSION, "SECURITY_KEY", true, true),
  DUO(FactorClass.POSSESSION, "APP", false, false),
  CERT(FactorClass.POSSESSION, "SECURITY_KEY", true, true),
  IDP(FactorClass.KNOWLEDGE, "FEDERATED", false, false);

  private final FactorClass factorClass;
  private final String authenticatorType;
  private final boolean phishingResistant;
  private final boolean deviceBound;

  FactorMethod(
      FactorClass factorClass,
      String authenticatorType,
      boolean phishingResistant,
      boolean deviceBound) {
    this.factorClass = factorClass;
    this.authenticatorType = authenticatorType;
    this.phishingResistant = phishingResistant;
    this.deviceBound = deviceBound;
  }

  /** The class the method counts as (a federated IdP sign-in stands in for the password). */
  public FactorClass factorClass() {
    return factorClass;
  }

  /** The SPEC constraint {@code types} value: SECURITY_KEY, PHONE, EMAIL, PASSWORD, … */
  public String authenticatorType() {
    return authenticatorType;
  }

  public boolean phishingResistant() {
    return phishingResistant;
  }

  public boolean deviceBound() {
    return deviceBound;
  }

  /** Parses a SPEC method name case-insensitively; throws on an unknown one. */
  public static FactorMethod parse(String value) {
    return valueOf(value.toUpperCase(Locale.ROOT));
  }
}
