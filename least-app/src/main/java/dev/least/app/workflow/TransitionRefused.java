package dev.least.app.workflow;

import static java.util.Objects.requireNonNull;

/** A transition the workflow will not make; {@link #reason()} is a stable code. */
public final class TransitionRefused extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** Stable reasons; the API maps each to a status and a problem type. */
  public enum Reason {
    NOT_FOUND,
    ILLEGAL_TRANSITION,
    STALE_VERSION,
    ROLE,
    SELF_APPROVAL,
    DUPLICATE_APPROVAL,
    GUARDRAIL,
    COMMENT_REQUIRED,
    /** The same person already has an open exception from the same policy. */
    DUPLICATE,
    /** The imported snapshot's folder is gone or changed, so its facts cannot be read. */
    SNAPSHOT_CHANGED
  }

  private final Reason reason;

  public TransitionRefused(Reason reason, String message) {
    super(message);
    this.reason = requireNonNull(reason, "reason");
  }

  public Reason reason() {
    return reason;
  }
}
