package dev.least.analysis;

import dev.least.model.Account;
import dev.least.model.AccountKind;
import dev.least.model.HrWorker;
import dev.least.model.WorkerStatus;
import dev.least.recommend.Evidence;
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
 * {@code disable_stale_account}: an enabled account created at least {@code staleDays} (default 90)
 * before capture with no successful sign-in, interactive or not, for {@code staleDays} — by the log
 * and by the directory's own last-sign-in field, whichever is later. Excluded: people on HR leave,
 * guardrail-protected accounts, and service accounts (kind SERVICE, or no HR record and a login
 * starting {@code svc-}, {@code svc_} or {@code service-}), which sign in outside the user logs.
 *
 * <p>Confidence: 0.95 when the account never signed in at all, 0.9 when the last sign-in is more
 * than twice the threshold ago, else 0.8. Risk: low (disabling is reversible), medium when the
 * account holds a directory role.
 */
public final class StaleAccountAnalyzer implements Analyzer {
  public static final int DEFAULT_STALE_DAYS = 90;

  @Override
  public RecommendationType type() {
    return RecommendationType.DISABLE_STALE_ACCOUNT;
  }

  @Override
  public Optional<String> skipReason(AnalysisInput in) {
    if (in.snapshot().accounts().isEmpty()) {
      return Optional.of("no accounts in the snapshot (entra/users.json, okta/users.json)");
    }
    return Optional.empty();
  }

  @Override
  public List<Recommendation> analyze(AnalysisInput in) {
    int days = in.threshold("staleDays", DEFAULT_STALE_DAYS);
    long now = in.nowMillis();
    long cutoff = now - Duration.ofDays(days).toMillis();
    Map<String, HrWorker> workerOf =
        dev.least.source.IdentityJoin.workersByAccount(in.snapshot().people());
    List<Recommendation> out = new ArrayList<>();
    for (Account a : in.snapshot().accounts()) {
      if (!a.status().canSignIn() || in.guardrails().protects(a)) {
        continue;
      }
      HrWorker w = workerOf.get(a.id().value());
      if (w != null && w.status() == WorkerStatus.LEAVE) {
        continue;
      }
      if (isServiceAccount(a, w)) {
        continue;
      }
      if (a.created() == null || a.created().toEpochMilli() > cutoff) {
        continue;
      }
      long fromLog = in.activity().of(a.id().value()).lastSuccessMillis();
      long fromDir = a.lastSignIn() == null ? Long.MIN_VALUE : a.lastSignIn().toEpochMilli();
      long last = Math.max(fromLog, fromDir);
      if (last > cutoff) {
        continue;
      }
      boolean never = last == Long.MIN_VALUE;
      double confidence = never ? 0.95 : (last < now - 2 * (now - cutoff) ? 0.9 : 0.8);
      boolean privileged = !in.directory().rolesOf(a.id().value()).isEmpty();
      List<Evidence> ev = new ArrayList<>();
      ev.add(Evidence.fact("account created", a.created().toString()));
      ev.add(
          Evidence.fact(
              "last successful sign-in",
              never ? "never (log and directory)" : Instant.ofEpochMilli(last).toString()));
      ev.add(
          Evidence.count(
              "sign-in attempts in the log window", in.activity().of(a.id().value()).attempts()));
      if (w != null) {
        ev.add(Evidence.fact("HR status", w.status().name().toLowerCase(Locale.ROOT)));
      }
      Ref target = AccountPatches.ref(a);
      String platform = AccountPatches.platform(a);
      out.add(
          new Recommendation(
              Recommendation.stableId(type(), platform, target, List.of()),
              type(),
              platform,
              target,
              List.of(),
              "Disable " + a.login() + ": no successful sign-in for at least " + days + " days",
              AccountPatches.disable(a, false),
              confidence,
              privileged ? Risk.MEDIUM : Risk.LOW,
              Map.of(
                  "usersAffected",
                  1.0,
                  "signInsAffected",
                  (double) in.activity().of(a.id().value()).attempts()),
              (never ? "Never signed in" : "Last signed in " + Instant.ofEpochMilli(last))
                  + "; created "
                  + a.created()
                  + "; threshold "
                  + days
                  + " days before "
                  + in.snapshot().manifest().capturedAt()
                  + (privileged ? "; holds a directory role" : ""),
              ev,
              Mode.ADVISORY));
    }
    return out;
  }

  static boolean isServiceAccount(Account a, HrWorker w) {
    if (a.kind() == AccountKind.SERVICE) {
      return true;
    }
    String l = a.login().toLowerCase(Locale.ROOT);
    return w == null && (l.startsWith("svc-") || l.startsWith("svc_") || l.startsWith("service-"));
  }
}
