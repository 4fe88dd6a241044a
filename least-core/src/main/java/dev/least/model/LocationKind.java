package dev.least.model;

/** Entra named-location subtypes and Okta zone types. */
public enum LocationKind {
  IP,
  COUNTRY,
  COMPLIANT_NETWORK,
  DYNAMIC,
  UNKNOWN
}
