package dev.least.policyexception;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Scores an exception request: {@code score = Σ weight(f) × value(f)} over {@link
 * ExceptionFeature}, in [0, 100]; below 30 is low, below 60 medium, else high. Every contribution
 * is kept with its evidence, so the score explains itself.
 */
public final class ExceptionRiskModel {
  /** Recorded with every score (audit rows' model version). */
  public static final String VERSION = "exception-risk-1";

  /** Scores below this are low. */
  public static final double MEDIUM_FROM = 30;

  /** Scores from this are high. */
  public static final double HIGH_FROM = 60;

  /** Days at which the duration feature reaches 1. */
  public static final int DURATION_FULL_DAYS = 90;

  /** Peers at which the peers feature reaches 1. */
  public static final int PEERS_FULL = 10;

  /** Earlier expired or revoked exceptions at which the history feature reaches 1. */
  public static final int HISTORY_FULL = 3;

  private ExceptionRiskModel() {}

  /** Risk bands. */
  public enum Band {
    LOW,
    MEDIUM,
    HIGH;

    public String wire() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /** One feature's value in [0, 1] and the fact behind it. */
  public record Value(double value, String evidence) {
    public Value {
      requireNonNull(evidence, "evidence");
      if (!(value >= 0 && value <= 1)) {
        throw new IllegalArgumentException("Expected a feature value in [0, 1] but was " + value);
      }
    }
  }

  /** What one feature added to the score. */
  public record Contribution(
      ExceptionFeature feature, double value, int weight, double points, String evidence) {
    public Contribution {
      requireNonNull(feature, "feature");
      requireNonNull(evidence, "evidence");
    }
  }

  /** The score, its band and the breakdown (one contribution per feature, in feature order). */
  public record Assessment(double score, Band band, List<Contribution> breakdown) {
    public Assessment {
      requireNonNull(band, "band");
      breakdown = List.copyOf(breakdown);
    }
  }

  /** Scores values for every feature; a missing feature is a broken contract. */
  public static Assessment assess(Map<ExceptionFeature, Value> values) {
    Map<ExceptionFeature, Value> v = new EnumMap<>(ExceptionFeature.class);
    v.putAll(values);
    List<Contribution> out = new ArrayList<>();
    double score = 0;
    for (ExceptionFeature f : ExceptionFeature.values()) {
      Value x = v.get(f);
      if (x == null) {
        throw new IllegalArgumentException("no value for feature " + f.wire());
      }
      double points = Math.round(f.weight() * x.value() * 100) / 100.0;
      score += points;
      out.add(new Contribution(f, x.value(), f.weight(), points, x.evidence()));
    }
    score = Math.round(score * 100) / 100.0;
    Band band = score >= HIGH_FROM ? Band.HIGH : score >= MEDIUM_FROM ? Band.MEDIUM : Band.LOW;
    return new Assessment(score, band, out);
  }

  /** The duration feature: {@code days / 90}, at most 1. */
  public static Value duration(int days) {
    if (days < 1) {
      throw new IllegalArgumentException("Expected a duration of at least 1 day but was " + days);
    }
    return new Value(Math.min(1.0, days / (double) DURATION_FULL_DAYS), days + " day(s) requested");
  }

  /** The peers feature: {@code peers / 10}, at most 1. */
  public static Value peers(int peers) {
    return new Value(
        Math.min(1.0, Math.max(0, peers) / (double) PEERS_FULL),
        peers + " other person(s) hold an exception from this policy");
  }

  /** The history feature: {@code earlier / 3}, at most 1. */
  public static Value history(int expiredOrRevoked) {
    return new Value(
        Math.min(1.0, Math.max(0, expiredOrRevoked) / (double) HISTORY_FULL),
        expiredOrRevoked + " earlier exception(s) of this person expired or were revoked");
  }

  /** The criticality feature. */
  public static Value criticality(PolicyCriticality.Rated rated) {
    return new Value(rated.level().value(), rated.level().wire() + ": " + rated.why());
  }
}
