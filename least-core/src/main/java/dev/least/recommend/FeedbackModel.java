package dev.least.recommend;

import static java.util.Objects.requireNonNull;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * Adjusts the confidence of a new recommendation from how people decided earlier recommendations of
 * the same kind: the feedback loop (docs/server.md, "Feedback").
 *
 * <p>The model estimates the accept rate of a recommendation type and, within the type, of a target
 * pattern ({@link #pattern}: target kind + the name's first token, or the login's domain):
 *
 * <ol>
 *   <li>per type: a Beta({@code priorAccepts}, {@code priorRejections}) prior updated with the
 *       type's weighted acceptances {@code a_t} and rejections {@code r_t} (weights per {@link
 *       FeedbackReason}): {@code p_t = (α + a_t) / (α + β + a_t + r_t)};
 *   <li>per pattern, shrunk to the type's rate with strength {@code κ}: {@code p_x = (κ·p_t + a_x)
 *       / (κ + a_x + r_x)}, so a pattern with little history stays near its type;
 *   <li>the adjustment is a shift in log-odds, {@code s = logit(p_x) − logit(p_0)} where {@code p_0
 *       = α / (α + β)} is the prior accept rate (no history → no shift), bounded to {@code
 *       ±maxShift}; {@code adjusted = sigmoid(logit(confidence) + s)}.
 * </ol>
 *
 * The original confidence is never changed; ranking uses {@code adjusted × riskWeight} ({@link
 * #rankScore}). Immutable and thread-safe.
 */
public final class FeedbackModel {
  /** Reported with every adjustment, so a stored rank can be traced to the model that made it. */
  public static final String VERSION = "feedback-beta-1";

  private static final double EPS = 1e-6;

  /** The model's constants; {@link #DEFAULTS} documents the values the server uses. */
  public record Parameters(
      double priorAccepts, double priorRejections, double patternStrength, double maxShift) {
    /** Beta(2, 2) prior (accept rate 0.5), pattern strength 4, shift bounded to ±1.5 log-odds. */
    public static final Parameters DEFAULTS = new Parameters(2.0, 2.0, 4.0, 1.5);

    public Parameters {
      if (!(priorAccepts > 0) || !(priorRejections > 0)) {
        throw new IllegalArgumentException(
            "Expected a positive Beta prior but was " + priorAccepts + ", " + priorRejections);
      }
      if (!(patternStrength > 0) || !(maxShift >= 0)) {
        throw new IllegalArgumentException(
            "Expected patternStrength > 0 and maxShift >= 0 but were "
                + patternStrength
                + ", "
                + maxShift);
      }
    }

    double priorRate() {
      return priorAccepts / (priorAccepts + priorRejections);
    }
  }

  /** One earlier decision: the recommendation's type and target, and the reason code given. */
  public record Feedback(
      String type, String targetKind, @Nullable String targetName, FeedbackReason reason) {
    public Feedback {
      requireNonNull(type, "type");
      requireNonNull(targetKind, "targetKind");
      requireNonNull(reason, "reason");
    }
  }

  /**
   * What the model did to one confidence, and why: the counts behind each rate, the shift in
   * log-odds and whether the bound cut it.
   */
  public record Adjustment(
      String modelVersion,
      String type,
      String pattern,
      double original,
      double adjusted,
      double typeAccepts,
      double typeRejections,
      double patternAccepts,
      double patternRejections,
      double typeRate,
      double patternRate,
      double priorRate,
      double shift,
      boolean bounded,
      Map<String, Integer> patternReasons) {
    public Adjustment {
      requireNonNull(modelVersion, "modelVersion");
      requireNonNull(type, "type");
      requireNonNull(pattern, "pattern");
      patternReasons = java.util.Collections.unmodifiableMap(new TreeMap<>(patternReasons));
    }

    /** One sentence for people: the history and the effect. */
    public String explanation() {
      if (typeAccepts + typeRejections == 0) {
        return String.format(
            Locale.ROOT,
            "no earlier decisions on %s recommendations: confidence %.2f unchanged",
            type,
            original);
      }
      return String.format(
          Locale.ROOT,
          "earlier %s decisions: %s accepted, %s rejected (%s of them for %s, reasons %s);"
              + " accept rate %.2f for the pattern (%.2f for the type, prior %.2f)"
              + " shifts log-odds by %+.2f%s: confidence %.2f -> %.2f",
          type,
          num(typeAccepts),
          num(typeRejections),
          num(patternAccepts + patternRejections),
          pattern,
          patternReasons.isEmpty() ? "none" : patternReasons,
          patternRate,
          typeRate,
          priorRate,
          shift,
          bounded ? " (bounded)" : "",
          original,
          adjusted);
    }

    private static String num(double d) {
      return d == Math.rint(d) ? Long.toString((long) d) : String.format(Locale.ROOT, "%.1f", d);
    }
  }

  private record Tally(double accepts, double rejections, Map<String, Integer> reasons) {
    static Tally empty() {
      return new Tally(0, 0, Map.of());
    }

    Tally plus(FeedbackReason r) {
      Map<String, Integer> m = new HashMap<>(reasons);
      m.merge(r.wire(), 1, Integer::sum);
      return new Tally(accepts + r.acceptance(), rejections + r.rejection(), m);
    }
  }

  private final Parameters parameters;
  private final Map<String, Tally> byType;
  private final Map<String, Tally> byPattern;

  private FeedbackModel(
      Parameters parameters, Map<String, Tally> byType, Map<String, Tally> byPattern) {
    this.parameters = parameters;
    this.byType = byType;
    this.byPattern = byPattern;
  }

  /** A model fitted to {@code history} with the {@link Parameters#DEFAULTS}. */
  public static FeedbackModel fit(List<Feedback> history) {
    return fit(history, Parameters.DEFAULTS);
  }

  /** A model fitted to {@code history}. */
  public static FeedbackModel fit(List<Feedback> history, Parameters parameters) {
    requireNonNull(parameters, "parameters");
    Map<String, Tally> byType = new HashMap<>();
    Map<String, Tally> byPattern = new HashMap<>();
    for (Feedback f : history) {
      byType.merge(f.type(), Tally.empty().plus(f.reason()), FeedbackModel::sum);
      byPattern.merge(
          f.type() + "\n" + pattern(f.targetKind(), f.targetName()),
          Tally.empty().plus(f.reason()),
          FeedbackModel::sum);
    }
    return new FeedbackModel(parameters, byType, byPattern);
  }

  private static Tally sum(Tally a, Tally b) {
    Map<String, Integer> m = new HashMap<>(a.reasons());
    b.reasons().forEach((k, v) -> m.merge(k, v, Integer::sum));
    return new Tally(a.accepts() + b.accepts(), a.rejections() + b.rejections(), m);
  }

  /** The adjusted confidence of a new recommendation of {@code type} on that target. */
  public Adjustment adjust(
      String type, String targetKind, @Nullable String targetName, double confidence) {
    requireNonNull(type, "type");
    if (!(confidence >= 0 && confidence <= 1)) {
      throw new IllegalArgumentException("Expected a confidence in [0, 1] but was " + confidence);
    }
    String pattern = pattern(targetKind, targetName);
    Tally t = byType.getOrDefault(type, Tally.empty());
    Tally x = byPattern.getOrDefault(type + "\n" + pattern, Tally.empty());
    Parameters p = parameters;
    double typeRate =
        (p.priorAccepts() + t.accepts())
            / (p.priorAccepts() + p.priorRejections() + t.accepts() + t.rejections());
    double patternRate =
        (p.patternStrength() * typeRate + x.accepts())
            / (p.patternStrength() + x.accepts() + x.rejections());
    double raw = logit(patternRate) - logit(p.priorRate());
    double shift = Math.max(-p.maxShift(), Math.min(p.maxShift(), raw));
    boolean bounded = Math.abs(raw) > p.maxShift() + 1e-12;
    double adjusted = confidence;
    if (shift != 0) {
      adjusted = sigmoid(logit(clamp(confidence)) + shift);
    }
    return new Adjustment(
        VERSION,
        type,
        pattern,
        confidence,
        adjusted,
        t.accepts(),
        t.rejections(),
        x.accepts(),
        x.rejections(),
        typeRate,
        patternRate,
        p.priorRate(),
        shift,
        bounded,
        x.reasons());
  }

  /** The weight ranking gives a recommendation's risk: low 1, medium 2, high 3. */
  public static double riskWeight(Risk risk) {
    return switch (risk) {
      case LOW -> 1.0;
      case MEDIUM -> 2.0;
      case HIGH -> 3.0;
    };
  }

  /** The listing's sort key: adjusted confidence × risk weight. */
  public static double rankScore(double adjustedConfidence, Risk risk) {
    return adjustedConfidence * riskWeight(risk);
  }

  /**
   * The target pattern decisions are pooled by: {@code kind:@domain} for logins ({@code
   * user:@contoso.com}), else {@code kind:token*} with the name's first token, lower-cased, up to
   * the first space, dash, underscore, dot, slash or colon ({@code group:finance*} for {@code
   * Finance-AP-Clerks}); {@code kind:*} when the target has no name.
   */
  public static String pattern(String targetKind, @Nullable String targetName) {
    requireNonNull(targetKind, "targetKind");
    if (targetName == null || targetName.isBlank()) {
      return targetKind + ":*";
    }
    String name = targetName.trim().toLowerCase(Locale.ROOT);
    int at = name.lastIndexOf('@');
    if (at >= 0 && at < name.length() - 1) {
      return targetKind + ":@" + name.substring(at + 1);
    }
    int end = 0;
    while (end < name.length() && " -_./:".indexOf(name.charAt(end)) < 0) {
      end++;
    }
    if (end == 0) {
      return targetKind + ":*";
    }
    return targetKind + ":" + name.substring(0, end) + (end < name.length() ? "*" : "");
  }

  private static double clamp(double p) {
    return Math.max(EPS, Math.min(1 - EPS, p));
  }

  private static double logit(double p) {
    double c = clamp(p);
    return Math.log(c / (1 - c));
  }

  private static double sigmoid(double x) {
    return 1 / (1 + Math.exp(-x));
  }
}
