package dev.least.policy.okta;

/**
 * The entry point of a sign-in, as {@code conditions.authContext.authType} distinguishes it: a
 * normal (web / API) sign-in, the RADIUS agent, the LDAP interface, or not known.
 */
public enum OktaAuthType {
  WEB,
  RADIUS,
  LDAP_INTERFACE,
  UNKNOWN
}
