package dev.least.recommend;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * One recommended change. {@code id} is stable: derived from type, platform, target and subjects,
 * so the same snapshot gives the same ids. {@code impact} comes from simulation over the snapshot's
 * logs (keys such as usersAffected, signInsAffected, challengesAvoided).
 */
public record Recommendation(
    String id,
    RecommendationType type,
    String platform,
    Ref target,
    List<Ref> subjects,
    String suggestedChange,
    @Nullable Patch patch,
    double confidence,
    Risk risk,
    Map<String, Double> impact,
    String rationale,
    List<Evidence> evidence,
    Mode mode) {
  public Recommendation {
    requireNonNull(id, "id");
    requireNonNull(type, "type");
    requireNonNull(platform, "platform");
    requireNonNull(target, "target");
    requireNonNull(suggestedChange, "suggestedChange");
    requireNonNull(risk, "risk");
    requireNonNull(rationale, "rationale");
    requireNonNull(mode, "mode");
    subjects = List.copyOf(subjects);
    impact = java.util.Collections.unmodifiableMap(new TreeMap<>(impact));
    evidence = List.copyOf(evidence);
    if (confidence < 0 || confidence > 1 || Double.isNaN(confidence)) {
      throw new IllegalArgumentException("confidence must be in [0,1] but was " + confidence);
    }
    if (evidence.isEmpty()) {
      throw new IllegalArgumentException("a recommendation needs evidence: " + id);
    }
    if (mode == Mode.AUTO_ELIGIBLE && (risk != Risk.LOW || confidence < 0.9)) {
      throw new IllegalArgumentException(
          "only low-risk changes with confidence >= 0.9 may be auto_eligible: " + id);
    }
  }

  /** This recommendation with other impact figures and evidence (e.g. after simulation). */
  public Recommendation withImpact(Map<String, Double> newImpact, List<Evidence> newEvidence) {
    return new Recommendation(
        id,
        type,
        platform,
        target,
        subjects,
        suggestedChange,
        patch,
        confidence,
        risk,
        newImpact,
        rationale,
        newEvidence,
        mode);
  }

  /** A stable id: {@code rec-} + 8 hex digits of SHA-256 over type, platform, target, subjects. */
  public static String stableId(
      RecommendationType type, String platform, Ref target, List<Ref> subjects) {
    StringBuilder key =
        new StringBuilder(type.wire())
            .append('|')
            .append(platform)
            .append('|')
            .append(target.kind())
            .append(':')
            .append(target.id());
    subjects.stream()
        .map(s -> s.kind() + ":" + s.id())
        .sorted()
        .forEach(s -> key.append('|').append(s));
    try {
      byte[] h =
          java.security.MessageDigest.getInstance("SHA-256")
              .digest(key.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
      return "rec-" + java.util.HexFormat.of().formatHex(h, 0, 4);
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required by every JDK", e);
    }
  }
}
