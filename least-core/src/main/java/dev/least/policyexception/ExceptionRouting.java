package dev.least.policyexception;

import static java.util.Objects.requireNonNull;

import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * Where an exception request goes. Low risk within the limits (duration at most {@code
 * autoApproveMaxDays}, fewer than {@code maxActivePerUser} active exceptions for the person) is
 * approved automatically; low risk over a limit and medium risk go to the person's manager (from HR
 * data); high risk, and medium risk for someone without a known manager, go to the security team
 * (the approver role).
 */
public final class ExceptionRouting {
  private ExceptionRouting() {}

  /** The configured limits. */
  public record Limits(int maxDurationDays, int autoApproveMaxDays, int maxActivePerUser) {
    /** 90 days at most, auto-approval up to 7 days and while fewer than 2 are active. */
    public static final Limits DEFAULTS = new Limits(90, 7, 2);

    public Limits {
      if (maxDurationDays < 1 || autoApproveMaxDays < 0 || maxActivePerUser < 0) {
        throw new IllegalArgumentException(
            "Expected maxDurationDays >= 1, autoApproveMaxDays >= 0, maxActivePerUser >= 0 but were "
                + maxDurationDays
                + ", "
                + autoApproveMaxDays
                + ", "
                + maxActivePerUser);
      }
    }
  }

  /** Who decides. */
  public enum Route {
    AUTO_APPROVE,
    MANAGER,
    SECURITY;

    public String wire() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /** The route, who must decide (the manager's e-mail for {@link Route#MANAGER}) and why. */
  public record Routing(Route route, @Nullable String decider, String why) {
    public Routing {
      requireNonNull(route, "route");
      requireNonNull(why, "why");
    }
  }

  /** Routes a scored request. */
  public static Routing route(
      ExceptionRiskModel.Band band,
      int durationDays,
      int activeForSubject,
      @Nullable String managerEmail,
      Limits limits) {
    requireNonNull(band, "band");
    requireNonNull(limits, "limits");
    if (band == ExceptionRiskModel.Band.HIGH) {
      return new Routing(Route.SECURITY, null, "high risk: the security team decides");
    }
    if (band == ExceptionRiskModel.Band.LOW) {
      if (durationDays <= limits.autoApproveMaxDays()
          && activeForSubject < limits.maxActivePerUser()) {
        return new Routing(
            Route.AUTO_APPROVE,
            null,
            "low risk, "
                + durationDays
                + " day(s) <= "
                + limits.autoApproveMaxDays()
                + " and "
                + activeForSubject
                + " active < "
                + limits.maxActivePerUser());
      }
    }
    String why =
        band == ExceptionRiskModel.Band.LOW
            ? "low risk over the auto-approval limits ("
                + durationDays
                + " day(s), "
                + activeForSubject
                + " active)"
            : "medium risk";
    if (managerEmail == null) {
      return new Routing(
          Route.SECURITY, null, why + "; no manager known from HR: the security team decides");
    }
    return new Routing(
        Route.MANAGER, managerEmail, why + ": the manager " + managerEmail + " decides");
  }
}
