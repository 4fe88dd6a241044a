package dev.least.policy.okta;

/** The factor classes an ASSURANCE 2FA rule counts: two factors must be of different classes. */
public enum FactorClass {
  KNOWLEDGE,
  POSSESSION,
  INHERENCE
}
