package dev.least.connector.generate;

/** What a planned account is. */
enum UserKind {
  EMPLOYEE,
  GUEST,
  SERVICE,
  BREAK_GLASS
}
