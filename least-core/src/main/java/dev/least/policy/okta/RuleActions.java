package dev.least.policy.okta;

import dev.least.model.TriState;
import dev.least.policy.EvaluationProblem;
import dev.least.policy.ProblemCode;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A rule's actions compiled: access, the global session policy's factor prompt and the
 * authentication policy's ASSURANCE requirement, and whether the session already meets them.
 */
final class RuleActions {
  enum Access {
    ALLOW,
    DENY,
    INVALID
  }

  enum PromptMode {
    ALWAYS,
    DEVICE,
    SESSION
  }

  /** Makes a problem naming the rule. */
  @FunctionalInterface
  interface ProblemMaker {
    EvaluationProblem make(ProblemCode code, String format, Object... args);
  }

  /** Whether a requirement is already met, and why. */
  record Met(TriState met, String why) {}

  final OktaPolicyType type;
  final Access access;
  final boolean requireFactor;
  final @Nullable PromptMode promptMode;
  final @Nullable Duration factorLifetime;
  final boolean passwordPrimary;
  final boolean supported;
  final int factorCount;
  final @Nullable Duration reauthenticateIn;
  final List<AssuranceConstraint> constraints;
  final List<String> requiredControls;

  private RuleActions(
      OktaPolicyType type,
      Access access,
      boolean requireFactor,
      @Nullable PromptMode promptMode,
      @Nullable Duration factorLifetime,
      boolean passwordPrimary,
      boolean supported,
      int factorCount,
      @Nullable Duration reauthenticateIn,
      List<AssuranceConstraint> constraints) {
    this.type = type;
    this.access = access;
    this.requireFactor = requireFactor;
    this.promptMode = promptMode;
    this.factorLifetime = factorLifetime;
    this.passwordPrimary = passwordPrimary;
    this.supported = supported;
    this.factorCount = factorCount;
    this.reauthenticateIn = reauthenticateIn;
    this.constraints = List.copyOf(constraints);
    this.requiredControls = List.copyOf(controls());
  }

  static RuleActions compile(
      OktaPolicyType type, OktaRule rule, List<EvaluationProblem> problems, ProblemMaker p) {
    Access access;
    try {
      access = Access.valueOf(rule.action().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      problems.add(
          p.make(ProblemCode.INVALID_POLICY, "access '%s' is not ALLOW or DENY", rule.action()));
      access = Access.INVALID;
    }
    PromptMode mode = null;
    if (rule.factorPromptMode() != null) {
      try {
        mode = PromptMode.valueOf(rule.factorPromptMode().toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        problems.add(
            p.make(
                ProblemCode.INVALID_POLICY,
                "factorPromptMode '%s' is not ALWAYS, DEVICE or SESSION",
                rule.factorPromptMode()));
      }
    }
    if (type == OktaPolicyType.OKTA_SIGN_ON
        && rule.requireFactor()
        && mode == null
        && access == Access.ALLOW) {
      problems.add(
          p.make(ProblemCode.INVALID_POLICY, "requireFactor without a valid factorPromptMode"));
    }
    Duration lifetime =
        rule.factorLifetimeMinutes() == null
            ? null
            : Duration.ofMinutes(rule.factorLifetimeMinutes());
    String primary = rule.detail().primaryFactor();
    boolean passwordPrimary = "PASSWORD_IDP".equals(primary);

    boolean supported = true;
    int count = 1;
    Duration reauth = null;
    if (type == OktaPolicyType.ACCESS_POLICY && access == Access.ALLOW) {
      String vm = rule.verificationMethodType();
      if (vm != null && !"ASSURANCE".equals(vm)) {
        supported = false;
        problems.add(
            p.make(
                ProblemCode.UNSUPPORTED_GRANT_CONTROL,
                "verificationMethod.type %s is not evaluated (only ASSURANCE)",
                vm));
      }
      String fm = rule.factorMode();
      if (fm == null || "1FA".equals(fm)) {
        count = 1;
      } else if ("2FA".equals(fm)) {
        count = 2;
      } else {
        supported = false;
        problems.add(p.make(ProblemCode.INVALID_POLICY, "factorMode '%s' is not 1FA or 2FA", fm));
      }
      reauth = duration(rule.reauthenticateIn(), problems, p);
    }
    List<AssuranceConstraint> constraints = rule.detail().constraints();
    return new RuleActions(
        type,
        access,
        rule.requireFactor(),
        mode,
        lifetime,
        passwordPrimary,
        supported,
        count,
        reauth,
        constraints);
  }

  static @Nullable Duration duration(
      @Nullable String iso, List<EvaluationProblem> problems, ProblemMaker p) {
    if (iso == null) {
      return null;
    }
    try {
      return Duration.parse(iso);
    } catch (DateTimeParseException e) {
      problems.add(
          p.make(
              ProblemCode.INVALID_POLICY,
              "reauthenticateIn '%s' is not an ISO-8601 duration; no limit assumed",
              iso));
      return null;
    }
  }

  private List<String> controls() {
    List<String> out = new ArrayList<>();
    if (access == Access.DENY) {
      out.add("block");
      return out;
    }
    if (type == OktaPolicyType.OKTA_SIGN_ON) {
      if (passwordPrimary) {
        out.add("primaryFactor:PASSWORD_IDP");
      }
      if (requireFactor) {
        String m = promptMode == null ? "?" : promptMode.name();
        if (promptMode == PromptMode.SESSION && factorLifetime != null) {
          m += ":" + factorLifetime.toMinutes() + "m";
        }
        out.add("mfa:" + m);
      }
    } else {
      out.add("assurance:" + factorCount + "FA");
      if (reauthenticateIn != null) {
        out.add("reauthenticateIn:" + reauthenticateIn);
      }
      for (AssuranceConstraint c : constraints) {
        out.add("constraint:" + describe(c));
      }
    }
    return out;
  }

  private static String describe(AssuranceConstraint c) {
    List<String> parts = new ArrayList<>();
    if (c.knowledge() != null && c.knowledge().required()) {
      parts.add("knowledge" + props(c.knowledge()));
    }
    if (c.possession() != null && c.possession().required()) {
      parts.add("possession" + props(c.possession()));
    }
    return parts.isEmpty() ? "any" : String.join("+", parts);
  }

  private static String props(FactorConstraint f) {
    List<String> p = new ArrayList<>();
    if (f.phishingResistant()) {
      p.add("phishingResistant");
    }
    if (f.deviceBound()) {
      p.add("deviceBound");
    }
    if (f.hardwareProtection()) {
      p.add("hardwareProtection");
    }
    if (f.userVerification()) {
      p.add("userVerification");
    }
    if (!f.types().isEmpty()) {
      p.add("types=" + f.types());
    }
    if (!f.methods().isEmpty()) {
      p.add("methods=" + f.methods());
    }
    return p.isEmpty() ? "" : p.toString();
  }

  /** Whether the global session rule's second-factor prompt is already met. */
  Met sessionFactorMet(SessionState session, long now) {
    if (!requireFactor) {
      return new Met(TriState.TRUE, "no second factor required");
    }
    if (promptMode == null) {
      return new Met(TriState.UNKNOWN, "requireFactor without a factor prompt mode");
    }
    switch (promptMode) {
      case ALWAYS:
        return new Met(TriState.FALSE, "factorPromptMode ALWAYS prompts on every sign-in");
      case DEVICE:
        if (session.deviceRemembered() == TriState.UNKNOWN) {
          return new Met(TriState.UNKNOWN, "whether the device is remembered is not known");
        }
        return session.deviceRemembered().isTrue()
            ? new Met(TriState.TRUE, "device remembered")
            : new Met(TriState.FALSE, "device not remembered");
      case SESSION:
      default:
        if (!session.known()) {
          return new Met(
              TriState.UNKNOWN, "factors already verified in the session are not in the log");
        }
        for (VerifiedFactor f : session.factors()) {
          if (f.method() != FactorMethod.PASSWORD
              && f.method() != FactorMethod.IDP
              && within(f, factorLifetime, now)) {
            return new Met(
                TriState.TRUE, f.method() + " verified within factorLifetime " + lifetimeText());
          }
        }
        return new Met(
            TriState.FALSE, "no second factor verified within factorLifetime " + lifetimeText());
    }
  }

  private String lifetimeText() {
    return factorLifetime == null ? "(session)" : factorLifetime.toMinutes() + "m";
  }

  /** Whether the session holds a password or IdP sign-in ({@code primaryFactor: PASSWORD_IDP}). */
  static Met passwordMet(SessionState session) {
    if (!session.known()) {
      return new Met(
          TriState.UNKNOWN, "factors already verified in the session are not in the log");
    }
    for (VerifiedFactor f : session.factors()) {
      if (f.method() == FactorMethod.PASSWORD || f.method() == FactorMethod.IDP) {
        return new Met(TriState.TRUE, "password/IdP in session");
      }
    }
    return new Met(
        TriState.FALSE, "primaryFactor PASSWORD_IDP: a password (or IdP) step is still required");
  }

  /** Whether the authentication rule's ASSURANCE requirement is already met by the session. */
  Met assuranceMet(SessionState session, long now) {
    if (!supported) {
      return new Met(TriState.UNKNOWN, "verification method not evaluated");
    }
    if (reauthenticateIn != null && reauthenticateIn.isZero()) {
      return new Met(TriState.FALSE, "reauthenticateIn PT0S re-prompts on every access");
    }
    if (!session.known()) {
      return new Met(
          TriState.UNKNOWN, "factors already verified in the session are not in the log");
    }
    Set<FactorClass> classes = classes(session, reauthenticateIn, now);
    boolean enough = classes.size() >= factorCount;
    if (constraints.isEmpty()) {
      return enough
          ? new Met(TriState.TRUE, factorCount + "FA met by " + classes)
          : new Met(
              TriState.FALSE, factorCount + "FA not met: factor classes in window " + classes);
    }
    if (!enough) {
      return new Met(
          TriState.FALSE, factorCount + "FA not met: factor classes in window " + classes);
    }
    for (AssuranceConstraint c : constraints) {
      if (half(c.knowledge(), FactorClass.KNOWLEDGE, session, now)
          && half(c.possession(), FactorClass.POSSESSION, session, now)) {
        return new Met(
            TriState.TRUE, factorCount + "FA met, constraint " + describe(c) + " satisfied");
      }
    }
    return new Met(
        TriState.FALSE, factorCount + "FA classes met but no constraint object is satisfied");
  }

  private static Set<FactorClass> classes(SessionState s, @Nullable Duration window, long now) {
    Set<FactorClass> out = EnumSet.noneOf(FactorClass.class);
    for (VerifiedFactor f : s.factors()) {
      if (within(f, window, now)) {
        out.add(f.method().factorClass());
        if (f.method().factorClass() == FactorClass.POSSESSION && f.userVerified()) {
          out.add(FactorClass.INHERENCE);
        }
      }
    }
    return out;
  }

  private boolean half(@Nullable FactorConstraint fc, FactorClass cls, SessionState s, long now) {
    if (fc == null || !fc.required()) {
      return true;
    }
    Duration window =
        fc.reauthenticateIn() == null ? reauthenticateIn : parseOrNull(fc.reauthenticateIn());
    for (VerifiedFactor f : s.factors()) {
      FactorMethod m = f.method();
      if (m.factorClass() != cls || !within(f, window, now)) {
        continue;
      }
      if (!fc.types().isEmpty() && !containsIgnoreCase(fc.types(), m.authenticatorType())) {
        continue;
      }
      if (!fc.methods().isEmpty() && !containsIgnoreCase(fc.methods(), m.name())) {
        continue;
      }
      if (fc.phishingResistant() && !m.phishingResistant()) {
        continue;
      }
      if (fc.deviceBound() && !m.deviceBound()) {
        continue;
      }
      if (fc.userVerification() && !f.userVerified()) {
        continue;
      }
      if (fc.hardwareProtection() && !f.hardwareProtected()) {
        continue;
      }
      return true;
    }
    return false;
  }

  private static @Nullable Duration parseOrNull(String iso) {
    try {
      return Duration.parse(iso);
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  private static boolean containsIgnoreCase(List<String> values, String v) {
    for (String x : values) {
      if (x.equalsIgnoreCase(v)) {
        return true;
      }
    }
    return false;
  }

  private static boolean within(VerifiedFactor f, @Nullable Duration window, long now) {
    long age = now - f.verifiedAtEpochMillis();
    if (age < 0) {
      return false;
    }
    return window == null || age <= window.toMillis();
  }
}
