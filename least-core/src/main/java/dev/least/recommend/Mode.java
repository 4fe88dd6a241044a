package dev.least.recommend;

/** Whether a change may be applied automatically (low risk, high confidence only). */
public enum Mode {
  ADVISORY("advisory"),
  AUTO_ELIGIBLE("auto_eligible");

  private final String wire;

  Mode(String wire) {
    this.wire = wire;
  }

  public String wire() {
    return wire;
  }
}
