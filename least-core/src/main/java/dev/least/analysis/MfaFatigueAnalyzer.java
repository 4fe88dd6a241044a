package dev.least.analysis;

import dev.least.model.SignInLog;
import dev.least.model.SignInOutcome;
import dev.least.model.TriState;
import dev.least.recommend.Evidence;
import dev.least.recommend.JsonValue;
import dev.least.recommend.Mode;
import dev.least.recommend.Recommendation;
import dev.least.recommend.RecommendationType;
import dev.least.recommend.Ref;
import dev.least.recommend.Risk;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * {@code mfa_fatigue}: at least {@code fatigueMinDenials} (default 3) push prompts denied or
 * ignored within {@code fatigueWindowMinutes} (default 30), followed within that window by a
 * successful sign-in with MFA — the pattern of a push-bombing attack the user finally accepted. A
 * denied push is Entra error 500121 ("authentication failed during strong authentication") or a
 * failed sign-in whose MFA method is a push (Okta Verify push, "Mobile app notification").
 * Confidence 0.9 with 5+ denials, else 0.8; risk low (the suggested change is to reset the
 * account's sessions and require number matching / phishing-resistant MFA for it).
 */
public final class MfaFatigueAnalyzer implements Analyzer {
  @Override
  public RecommendationType type() {
    return RecommendationType.MFA_FATIGUE;
  }

  @Override
  public Optional<String> skipReason(AnalysisInput in) {
    return in.snapshot().signIns().size() == 0
        ? Optional.of("no sign-in logs in the snapshot")
        : Optional.empty();
  }

  @Override
  public List<Recommendation> analyze(AnalysisInput in) {
    int minDenials = in.threshold("fatigueMinDenials", 3);
    long window = Duration.ofMinutes(in.threshold("fatigueWindowMinutes", 30)).toMillis();
    SignInLog log = in.snapshot().signIns();
    // per platform|account: denials and MFA successes, as log indexes in time order
    AccountTimelines byAccount =
        AccountTimelines.of(
            log,
            i ->
                denied(log, i)
                    || (log.outcome(i) == SignInOutcome.SUCCESS
                        && log.mfaPerformed(i) == TriState.TRUE));
    List<Recommendation> out = new ArrayList<>();
    for (int k = 0; k < byAccount.size(); k++) {
      List<Integer> denials = new ArrayList<>();
      for (int i : byAccount.events(k)) {
        long t = log.epochMillis(i);
        denials.removeIf(d -> t - log.epochMillis(d) > window);
        if (denied(log, i)) {
          denials.add(i);
          continue;
        }
        if (denials.size() < minDenials) {
          continue;
        }
        out.add(recommend(in, byAccount.key(k), denials, i, log));
        break;
      }
    }
    return out;
  }

  private Recommendation recommend(
      AnalysisInput in, String key, List<Integer> denials, int approved, SignInLog log) {
    String platform = key.substring(0, key.indexOf('|'));
    String account = key.substring(key.indexOf('|') + 1);
    var a = in.directory().account(account);
    Ref target = new Ref("user", account, a == null ? null : a.login());
    List<String> samples = new ArrayList<>();
    denials.forEach(d -> samples.add(log.eventId(d)));
    samples.add(log.eventId(approved));
    Instant from = Instant.ofEpochMilli(log.epochMillis(denials.get(0)));
    Instant to = Instant.ofEpochMilli(log.epochMillis(approved));
    return new Recommendation(
        Recommendation.stableId(type(), platform, target, List.of()),
        type(),
        platform,
        target,
        List.of(),
        "Investigate "
            + (a == null ? account : a.login())
            + " for MFA fatigue: revoke sessions, reset credentials and require number matching"
            + " or phishing-resistant MFA",
        null,
        denials.size() >= 5 ? 0.9 : 0.8,
        Risk.LOW,
        Map.of("usersAffected", 1.0, "signInsAffected", (double) denials.size() + 1),
        denials.size()
            + " push prompts denied or ignored between "
            + from
            + " and "
            + to
            + ", then a sign-in approved with MFA",
        List.of(
            new Evidence(
                "count",
                "push prompts denied or ignored, then approved",
                new JsonValue.Num(denials.size()),
                samples,
                from,
                to)),
        Mode.ADVISORY);
  }

  static boolean denied(SignInLog log, int i) {
    SignInOutcome outcome = log.outcome(i);
    if (outcome == SignInOutcome.SUCCESS) {
      return false;
    }
    if (log.errorCode(i) == 500121) {
      return true;
    }
    if (outcome != SignInOutcome.FAILURE) {
      return false;
    }
    String method = log.mfaMethod(i);
    String m = method == null ? "" : method.toLowerCase(Locale.ROOT);
    return m.contains("push") || m.contains("notification");
  }
}
