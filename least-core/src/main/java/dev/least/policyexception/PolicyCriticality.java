package dev.least.policyexception;

import static java.util.Objects.requireNonNull;

import dev.least.policy.entra.ConditionalAccessPolicy;
import dev.least.policy.entra.PolicyState;
import dev.least.policy.okta.OktaPolicy;
import dev.least.policy.okta.OktaPolicyType;
import dev.least.policy.okta.OktaRule;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * How much a policy protects, read from the parsed policy. High: it blocks (Entra grant {@code
 * block}, Okta rule {@code DENY}), it targets legacy authentication (client apps {@code
 * exchangeActiveSync} / {@code other}), or it makes administrators prove MFA (directory roles
 * included, or the admin portals, or an Okta policy or rule named "admin", with MFA or an
 * authentication strength). Medium: it requires MFA, an authentication strength or a compliant /
 * joined device, or it is risk-based. Low: anything else (session controls, terms of use, password
 * and enrolment policies). A disabled or inactive policy is {@link #INACTIVE}; report-only is at
 * most low, as it enforces nothing.
 */
public enum PolicyCriticality {
  HIGH(1.0),
  MEDIUM(0.6),
  LOW(0.3),
  INACTIVE(0.1);

  private final double value;

  PolicyCriticality(double value) {
    this.value = value;
  }

  /** The feature value. */
  public double value() {
    return value;
  }

  public String wire() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** A level and why. */
  public record Rated(PolicyCriticality level, String why) {
    public Rated {
      requireNonNull(level, "level");
      requireNonNull(why, "why");
    }
  }

  /** Rates a Conditional Access policy. */
  public static Rated of(ConditionalAccessPolicy p) {
    if (p.state() == PolicyState.DISABLED) {
      return new Rated(INACTIVE, "the policy is disabled");
    }
    Rated r = rateEnabled(p);
    if (p.state() == PolicyState.REPORT_ONLY && r.level().compareTo(LOW) < 0) {
      return new Rated(LOW, "report-only (enforces nothing); enforced it would be " + r.why());
    }
    return r;
  }

  private static Rated rateEnabled(ConditionalAccessPolicy p) {
    ConditionalAccessPolicy.GrantControls g = p.grantControls();
    List<String> controls = g == null ? List.of() : lower(g.builtInControls());
    boolean strength = g != null && g.authenticationStrengthId() != null;
    boolean mfa = controls.contains("mfa") || strength;
    if (controls.contains("block")) {
      return new Rated(HIGH, "it blocks access");
    }
    List<String> clients = lower(p.clientAppTypes());
    if (clients.contains("exchangeactivesync") || clients.contains("other")) {
      return new Rated(HIGH, "it targets legacy authentication clients");
    }
    boolean adminScope =
        !p.users().includeRoles().isEmpty()
            || p.applications().includeApplications().contains("MicrosoftAdminPortals");
    if (mfa && adminScope) {
      return new Rated(HIGH, "it makes administrators prove MFA");
    }
    if (mfa) {
      return new Rated(MEDIUM, "it requires MFA or an authentication strength");
    }
    if (controls.contains("compliantdevice") || controls.contains("domainjoineddevice")) {
      return new Rated(MEDIUM, "it requires a compliant or joined device");
    }
    if (!p.signInRiskLevels().isEmpty() || !p.userRiskLevels().isEmpty()) {
      return new Rated(MEDIUM, "it acts on sign-in or user risk");
    }
    return new Rated(LOW, "session controls, terms of use or other low-impact controls only");
  }

  /**
   * Rates an Okta policy, or one of its rules when {@code rule} is given (the highest of the active
   * rules otherwise).
   */
  public static Rated of(OktaPolicy p, @Nullable OktaRule rule) {
    if (!p.active()) {
      return new Rated(INACTIVE, "the policy is inactive");
    }
    if (rule != null) {
      return rule.active() ? rate(p, rule) : new Rated(INACTIVE, "the rule is inactive");
    }
    Rated best = new Rated(LOW, "no active rule requires more than a password");
    for (OktaRule r : p.rules()) {
      if (r.active()) {
        Rated x = rate(p, r);
        if (x.level().compareTo(best.level()) < 0) {
          best = x;
        }
      }
    }
    return best;
  }

  private static Rated rate(OktaPolicy p, OktaRule r) {
    if ("DENY".equalsIgnoreCase(r.action())) {
      return new Rated(HIGH, "rule " + r.name() + " denies access");
    }
    boolean factor = r.requireFactor() || "2FA".equalsIgnoreCase(r.factorMode());
    boolean admin =
        p.name().toLowerCase(Locale.ROOT).contains("admin")
            || r.name().toLowerCase(Locale.ROOT).contains("admin");
    if (factor && admin) {
      return new Rated(HIGH, "rule " + r.name() + " makes administrators prove MFA");
    }
    if (factor
        && (p.type() == OktaPolicyType.OKTA_SIGN_ON || p.type() == OktaPolicyType.ACCESS_POLICY)) {
      return new Rated(MEDIUM, "rule " + r.name() + " requires a second factor");
    }
    if (r.riskLevel() != null && !"ANY".equalsIgnoreCase(r.riskLevel())) {
      return new Rated(MEDIUM, "rule " + r.name() + " acts on risk");
    }
    return new Rated(LOW, "rule " + r.name() + " requires no second factor");
  }

  private static List<String> lower(List<String> values) {
    return values.stream().map(v -> v.toLowerCase(Locale.ROOT)).toList();
  }
}
