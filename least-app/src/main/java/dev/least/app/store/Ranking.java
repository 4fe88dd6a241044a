package dev.least.app.store;

import dev.least.recommend.FeedbackModel;
import dev.least.recommend.Risk;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * A recommendation's place in the list: its confidence as the feedback model adjusted it when it
 * was stored, the rank score (adjusted confidence × risk weight) and the model's explanation as
 * JSON (null when it was stored without one).
 */
public record Ranking(
    double adjustedConfidence, double rankScore, @Nullable String adjustmentJson) {
  private static final JsonMapper JSON = JsonMapper.builder().build();

  /**
   * The ranking of a recommendation stored without one (rows from before the feedback model): its
   * original confidence, weighted by risk.
   */
  public static Ranking unadjusted(double confidence, String risk) {
    return new Ranking(confidence, FeedbackModel.rankScore(confidence, risk(risk)), null);
  }

  static Risk risk(String wire) {
    for (Risk r : Risk.values()) {
      if (r.wire().equals(wire)) {
        return r;
      }
    }
    throw new IllegalArgumentException("Expected risk low, medium or high but was '" + wire + "'");
  }

  /** The explanation stored with a recommendation. */
  static String json(FeedbackModel.Adjustment a) {
    ObjectNode n = JSON.createObjectNode();
    n.put("model", a.modelVersion());
    n.put("pattern", a.pattern());
    n.put("original", a.original());
    n.put("adjusted", a.adjusted());
    n.put("logOddsShift", a.shift());
    n.put("bounded", a.bounded());
    n.put("typeAccepts", a.typeAccepts());
    n.put("typeRejections", a.typeRejections());
    n.put("patternAccepts", a.patternAccepts());
    n.put("patternRejections", a.patternRejections());
    n.put("typeAcceptRate", a.typeRate());
    n.put("patternAcceptRate", a.patternRate());
    n.put("priorAcceptRate", a.priorRate());
    ObjectNode reasons = n.putObject("patternReasons");
    a.patternReasons().forEach(reasons::put);
    n.put("explanation", a.explanation());
    return JSON.writeValueAsString(n);
  }
}
