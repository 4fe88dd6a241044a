package dev.least.model;

/** What a member/assignee id refers to. */
public enum PrincipalKind {
  USER,
  GROUP,
  SERVICE_PRINCIPAL,
  DEVICE,
  OTHER
}
