package dev.least.model;

/** Member, guest (B2B / external) or a non-human service account. */
public enum AccountKind {
  MEMBER,
  GUEST,
  SERVICE,
  UNKNOWN
}
