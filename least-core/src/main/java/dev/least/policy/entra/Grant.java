package dev.least.policy.entra;

import static java.util.Objects.requireNonNull;

import dev.least.policy.SignInFacts;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * A policy's grant, compiled: the controls and whether one or all must hold. A policy without grant
 * controls (session controls only) is satisfied by definition.
 *
 * @param requireAll operator AND (the default) or OR
 * @param strengthId the authentication strength id, or "" when none is required
 */
record Grant(boolean requireAll, List<GrantControl> controls, String strengthId) {
  static final Grant NONE = new Grant(true, List.of(), "");

  Grant {
    controls = List.copyOf(controls);
    requireNonNull(strengthId, "strengthId");
  }

  static Grant of(ConditionalAccessPolicy.@Nullable GrantControls g) {
    if (g == null) {
      return NONE;
    }
    List<GrantControl> controls = new ArrayList<>();
    for (String b : g.builtInControls()) {
      controls.add(GrantControl.parseBuiltIn(b));
    }
    String strength = g.authenticationStrengthId();
    if (strength != null) {
      controls.add(GrantControl.AUTHENTICATION_STRENGTH);
    }
    for (int i = 0; i < g.termsOfUse().size(); i++) {
      controls.add(GrantControl.TERMS_OF_USE);
    }
    for (int i = 0; i < g.customAuthenticationFactors().size(); i++) {
      controls.add(GrantControl.CUSTOM);
    }
    boolean all = !g.operator().trim().toUpperCase(Locale.ROOT).equals("OR");
    return new Grant(all, controls, strength == null ? "" : strength.toLowerCase(Locale.ROOT));
  }

  boolean blocks() {
    return controls.contains(GrantControl.BLOCK);
  }

  /** The grant's state for one sign-in. */
  ControlState state(SignInFacts f) {
    if (controls.isEmpty()) {
      return ControlState.SATISFIED;
    }
    if (blocks()) {
      return ControlState.UNSATISFIABLE;
    }
    ControlState acc = null;
    for (GrantControl c : controls) {
      ControlState s = c.stateFor(f, strengthId);
      acc = acc == null ? s : requireAll ? acc.and(s) : acc.or(s);
    }
    return requireNonNull(acc);
  }

  /**
   * What the policy demands when it applies: {@code block}, or each control under AND, or the
   * alternatives joined by {@code |} under OR (e.g. {@code mfa|compliantDevice}).
   */
  List<String> requiredControls() {
    if (controls.isEmpty()) {
      return List.of();
    }
    if (blocks()) {
      return List.of(GrantControl.BLOCK.wire());
    }
    List<String> names = new ArrayList<>();
    for (GrantControl c : controls) {
      names.add(c.wire());
    }
    if (requireAll || names.size() == 1) {
      return List.copyOf(names);
    }
    return List.of(String.join("|", names));
  }
}
