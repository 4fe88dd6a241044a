package dev.least.analysis;

import dev.least.model.Account;
import dev.least.model.HrWorker;
import dev.least.model.WorkerStatus;
import dev.least.recommend.Evidence;
import dev.least.recommend.Mode;
import dev.least.recommend.Recommendation;
import dev.least.recommend.RecommendationType;
import dev.least.recommend.Ref;
import dev.least.recommend.Risk;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code deprovision_orphan}: HR says terminated, the account is still enabled. HR is the source of
 * truth, so confidence is 0.95 — lowered to 0.7 when the account signed in successfully after the
 * termination date (a rehire or a data error a person should look at). Risk low.
 */
public final class OrphanAccountAnalyzer implements Analyzer {
  @Override
  public RecommendationType type() {
    return RecommendationType.DEPROVISION_ORPHAN;
  }

  @Override
  public Optional<String> skipReason(AnalysisInput in) {
    if (in.snapshot().workers().isEmpty()) {
      return Optional.of("no HR data (hr/workers.csv)");
    }
    if (in.snapshot().accounts().isEmpty()) {
      return Optional.of("no accounts in the snapshot (entra/users.json, okta/users.json)");
    }
    return Optional.empty();
  }

  @Override
  public List<Recommendation> analyze(AnalysisInput in) {
    Map<String, HrWorker> workerOf =
        dev.least.source.IdentityJoin.workersByAccount(in.snapshot().people());
    List<Recommendation> out = new ArrayList<>();
    for (Account a : in.snapshot().accounts()) {
      HrWorker w = workerOf.get(a.id().value());
      if (w == null || w.status() != WorkerStatus.TERMINATED) {
        continue;
      }
      if (!a.status().canSignIn() || in.guardrails().protects(a)) {
        continue;
      }
      AccountActivity.Stats act = in.activity().of(a.id().value());
      long terminated =
          w.terminationDate() == null
              ? Long.MIN_VALUE
              : w.terminationDate()
                  .atStartOfDay(java.time.ZoneOffset.UTC)
                  .toInstant()
                  .toEpochMilli();
      boolean usedAfter =
          act.lastSuccessMillis() != Long.MIN_VALUE && act.lastSuccessMillis() > terminated;
      List<Evidence> ev = new ArrayList<>();
      ev.add(Evidence.fact("HR status", "terminated"));
      if (w.terminationDate() != null) {
        ev.add(Evidence.fact("termination date", w.terminationDate().toString()));
      }
      ev.add(Evidence.fact("account status", a.status().name().toLowerCase(java.util.Locale.ROOT)));
      List<String> samples = new ArrayList<>();
      for (int i : act.samples()) {
        samples.add(in.snapshot().signIns().eventId(i));
      }
      ev.add(
          new Evidence(
              "count",
              "sign-in attempts in the log window",
              new dev.least.recommend.JsonValue.Num(act.attempts()),
              samples,
              null,
              null));
      Ref target = AccountPatches.ref(a);
      String platform = AccountPatches.platform(a);
      out.add(
          new Recommendation(
              Recommendation.stableId(type(), platform, target, List.of()),
              type(),
              platform,
              target,
              List.of(),
              "Deprovision " + a.login() + ": HR terminated the worker but the account is enabled",
              AccountPatches.disable(a, true),
              usedAfter ? 0.7 : 0.95,
              Risk.LOW,
              Map.of("usersAffected", 1.0, "signInsAffected", (double) act.attempts()),
              "HR worker "
                  + w.employeeId()
                  + " is terminated"
                  + (w.terminationDate() == null ? "" : " since " + w.terminationDate())
                  + "; the "
                  + platform
                  + " account is "
                  + a.status().name().toLowerCase(java.util.Locale.ROOT)
                  + (usedAfter
                      ? "; it signed in after termination, last at "
                          + Instant.ofEpochMilli(act.lastSuccessMillis())
                      : ""),
              ev,
              Mode.ADVISORY));
    }
    return out;
  }
}
