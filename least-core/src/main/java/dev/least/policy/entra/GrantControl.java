package dev.least.policy.entra;

import dev.least.model.ClientAppType;
import dev.least.model.TriState;
import dev.least.policy.SignInFacts;
import java.util.Locale;

/**
 * A grant control, with what a sign-in record can tell about it. Graph spells built-in controls in
 * camelCase today and PascalCase in older bodies and in the log ({@code Mfa}, {@code MFA}); parsing
 * is case-insensitive.
 *
 * <p>Legacy-authentication clients (Exchange ActiveSync, other clients) can satisfy no control but
 * approved app on EAS: "Sign-ins from legacy authentication clients don't support multifactor
 * authentication (MFA) and don't pass device state information, so they are blocked by Conditional
 * Access grant controls" (learn.microsoft.com/entra/identity/conditional-access/
 * concept-conditional-access-conditions).
 */
public enum GrantControl {
  BLOCK("block"),
  MFA("mfa"),
  COMPLIANT_DEVICE("compliantDevice"),
  DOMAIN_JOINED_DEVICE("domainJoinedDevice"),
  APPROVED_APPLICATION("approvedApplication"),
  COMPLIANT_APPLICATION("compliantApplication"),
  PASSWORD_CHANGE("passwordChange"),
  AUTHENTICATION_STRENGTH("authenticationStrength"),
  TERMS_OF_USE("termsOfUse"),
  CUSTOM("customAuthenticationFactor"),
  UNSUPPORTED("unsupported");

  /** Built-in authentication strength "Multifactor authentication". */
  public static final String MFA_STRENGTH_ID = "00000000-0000-0000-0000-000000000002";

  private final String wire;

  GrantControl(String wire) {
    this.wire = wire;
  }

  /** The Graph v1.0 spelling. */
  public String wire() {
    return wire;
  }

  /** Parses a {@code builtInControls} value case-insensitively; unknown values are UNSUPPORTED. */
  public static GrantControl parseBuiltIn(String value) {
    String v = value.trim().toLowerCase(Locale.ROOT);
    for (GrantControl c : values()) {
      if (c.wire.toLowerCase(Locale.ROOT).equals(v)) {
        return c;
      }
    }
    return UNSUPPORTED;
  }

  /**
   * What the record says about this control. {@code strengthId} is read for {@link
   * #AUTHENTICATION_STRENGTH} only.
   */
  public ControlState stateFor(SignInFacts f, String strengthId) {
    boolean legacy =
        f.clientApp() == ClientAppType.EXCHANGE_ACTIVE_SYNC || f.clientApp() == ClientAppType.OTHER;
    String deviceId = f.deviceId();
    boolean unregistered = deviceId != null && deviceId.isEmpty();
    return switch (this) {
      case BLOCK -> ControlState.UNSATISFIABLE;
      case MFA -> legacy ? ControlState.UNSATISFIABLE : mfa(f.mfaSatisfied());
      case AUTHENTICATION_STRENGTH -> {
        if (legacy) {
          yield ControlState.UNSATISFIABLE;
        }
        if (MFA_STRENGTH_ID.equals(strengthId)) {
          yield mfa(f.mfaSatisfied());
        }
        // the method combination used is not logged: an MFA claim may or may not be strong enough
        yield f.mfaSatisfied() == TriState.FALSE
            ? ControlState.NEEDS_USER_ACTION
            : ControlState.UNKNOWN;
      }
      case COMPLIANT_DEVICE -> {
        if (legacy || unregistered || f.deviceCompliant() == TriState.FALSE) {
          yield ControlState.UNSATISFIABLE;
        }
        yield f.deviceCompliant() == TriState.TRUE ? ControlState.SATISFIED : ControlState.UNKNOWN;
      }
      case DOMAIN_JOINED_DEVICE -> {
        if (legacy || unregistered) {
          yield ControlState.UNSATISFIABLE;
        }
        String trust = f.deviceTrustType();
        if (trust == null) {
          yield ControlState.UNKNOWN;
        }
        yield trust.equalsIgnoreCase("ServerAD")
            ? ControlState.SATISFIED
            : ControlState.UNSATISFIABLE;
      }
      case APPROVED_APPLICATION, COMPLIANT_APPLICATION -> {
        if (f.clientApp() == ClientAppType.OTHER) {
          yield ControlState.UNSATISFIABLE;
        }
        String p = f.platform();
        // brokered app evidence is not in the log; iOS/Android (and Edge on Windows) can satisfy it
        if (p == null || p.equals("ios") || p.equals("android") || p.equals("windows")) {
          yield ControlState.UNKNOWN;
        }
        yield ControlState.UNSATISFIABLE;
      }
      case PASSWORD_CHANGE -> legacy ? ControlState.UNSATISFIABLE : ControlState.NEEDS_USER_ACTION;
      case TERMS_OF_USE, CUSTOM -> legacy ? ControlState.UNSATISFIABLE : ControlState.UNKNOWN;
      case UNSUPPORTED -> ControlState.UNKNOWN;
    };
  }

  private static ControlState mfa(TriState satisfied) {
    return switch (satisfied) {
      case TRUE -> ControlState.SATISFIED;
      case FALSE -> ControlState.NEEDS_USER_ACTION;
      case UNKNOWN -> ControlState.UNKNOWN;
    };
  }
}
