package dev.least.recommend;

/** The risk of applying a change. Ordered: LOW sorts first in reports. */
public enum Risk {
  LOW,
  MEDIUM,
  HIGH;

  public String wire() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
