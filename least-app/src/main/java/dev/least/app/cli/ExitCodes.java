package dev.least.app.cli;

/**
 * Exit codes of every command: 0 the command did its job (an analysis that finds things succeeded),
 * 1 a check failed (a conflict, a broken audit chain, a policy gate), 2 usage, 3 bad input (missing
 * snapshot, unreadable manifest, a file that is not JSON).
 */
public final class ExitCodes {
  public static final int OK = 0;
  public static final int CHECK_FAILED = 1;
  public static final int USAGE = 2;
  public static final int BAD_INPUT = 3;

  private ExitCodes() {}
}
