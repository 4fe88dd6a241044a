package dev.least.review;

/** What a reviewer is advised to do with one user-access pair. */
public enum Suggestion {
  KEEP,
  REVOKE,
  REVIEW;

  public String wire() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }

  /** "Keep", "Revoke", "Review". */
  public String label() {
    return name().charAt(0) + name().substring(1).toLowerCase(java.util.Locale.ROOT);
  }
}
