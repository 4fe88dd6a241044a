package dev.least.app.workflow;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * A policy exception's states: {@code requested → auto_approved | pending_manager |
 * pending_security → approved | rejected → active → expired | revoked}. Auto-approved and approved
 * exceptions become active at once; {@code rejected}, {@code expired} and {@code revoked} are
 * final.
 */
public enum ExceptionState {
  REQUESTED,
  AUTO_APPROVED,
  PENDING_MANAGER,
  PENDING_SECURITY,
  APPROVED,
  REJECTED,
  ACTIVE,
  EXPIRED,
  REVOKED;

  /** The states this one may move to. */
  public Set<ExceptionState> next() {
    return switch (this) {
      case REQUESTED -> EnumSet.of(AUTO_APPROVED, PENDING_MANAGER, PENDING_SECURITY);
      case AUTO_APPROVED, APPROVED -> EnumSet.of(ACTIVE, REVOKED);
      case PENDING_MANAGER, PENDING_SECURITY -> EnumSet.of(APPROVED, REJECTED);
      case ACTIVE -> EnumSet.of(EXPIRED, REVOKED);
      case REJECTED, EXPIRED, REVOKED -> EnumSet.noneOf(ExceptionState.class);
    };
  }

  public boolean canMoveTo(ExceptionState to) {
    return next().contains(to);
  }

  /** States in which the exception is granted or may still be (counts towards limits and peers). */
  public static final Set<ExceptionState> HELD = EnumSet.of(AUTO_APPROVED, APPROVED, ACTIVE);

  /** States of a request still open or granted: a second request for the same pair is refused. */
  public static final Set<ExceptionState> OPEN =
      EnumSet.of(REQUESTED, AUTO_APPROVED, PENDING_MANAGER, PENDING_SECURITY, APPROVED, ACTIVE);

  public String wire() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static ExceptionState fromWire(String wire) {
    for (ExceptionState s : values()) {
      if (s.wire().equals(wire)) {
        return s;
      }
    }
    throw new IllegalArgumentException(
        "Expected an exception state requested, auto_approved, pending_manager, pending_security,"
            + " approved, rejected, active, expired or revoked but was '"
            + wire
            + "'");
  }
}
