package dev.least.model;

import java.util.Locale;

/** Where a record came from. The folder names of the snapshot contract. */
public enum Source {
  ENTRA,
  OKTA,
  HR;

  /** The snapshot folder name, e.g. {@code entra}. */
  public String folder() {
    return name().toLowerCase(Locale.ROOT);
  }
}
