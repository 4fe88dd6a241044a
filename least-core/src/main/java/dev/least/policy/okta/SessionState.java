package dev.least.policy.okta;

import static java.util.Objects.requireNonNull;

import dev.least.model.TriState;
import java.util.List;

/**
 * What the Okta session already holds when the request is evaluated. The System Log does not record
 * session state (reference §4), so a replayed sign-in usually has {@link #UNKNOWN}; a what-if
 * question states it.
 *
 * @param known false when the factors already in the session are not known
 * @param factors factors verified in the session, when known
 * @param deviceRemembered whether the device is remembered (factor prompt mode DEVICE)
 */
public record SessionState(boolean known, List<VerifiedFactor> factors, TriState deviceRemembered) {
  /** Nothing is known about the session. */
  public static final SessionState UNKNOWN = new SessionState(false, List.of(), TriState.UNKNOWN);

  public SessionState {
    requireNonNull(deviceRemembered, "deviceRemembered");
    factors = List.copyOf(factors);
    if (!known && !factors.isEmpty()) {
      throw new IllegalArgumentException(
          "Expected no factors for an unknown session but got " + factors.size());
    }
  }

  /** A known session holding exactly these factors, on a device that is not remembered. */
  public static SessionState of(VerifiedFactor... factors) {
    return new SessionState(true, List.of(factors), TriState.FALSE);
  }
}
