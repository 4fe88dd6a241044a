package dev.least.analysis;

import static java.util.Objects.requireNonNull;

import dev.least.model.SignInLog;
import dev.least.model.SignInOutcome;
import dev.least.model.Source;
import dev.least.model.TriState;
import dev.least.policy.entra.ConditionalAccessPolicy;
import dev.least.policy.entra.PolicyChange;
import dev.least.policy.entra.PolicyState;
import dev.least.recommend.Evidence;
import dev.least.recommend.JsonValue;
import dev.least.recommend.Mode;
import dev.least.recommend.Patch;
import dev.least.recommend.Recommendation;
import dev.least.recommend.RecommendationType;
import dev.least.recommend.Ref;
import dev.least.recommend.Risk;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code relax_mfa_frequency} (Entra): an enabled policy whose sign-in frequency is at most {@code
 * relaxMaxFrequencyHours} (default 4) on named apps (not All, not the admin portals, no directory
 * roles in scope — low-risk targets), under which at least {@code relaxMinUsers} (default 3) users
 * completed MFA on its apps {@code relaxMinPromptsPerDay} (default 4) or more times on a typical
 * day (median over their active days). Suggests 8 hours. Confidence 0.85; risk medium. Impact: the
 * policy replayed with 8 h; sign-in frequency is a session control the replay cannot observe (a log
 * does not say how old the session was), so no sign-in's result changes and the prompts seen are
 * reported as {@code mfaCompletionsObserved}.
 */
public final class RelaxMfaFrequencyAnalyzer implements PolicyChangeAnalyzer {
  @Override
  public RecommendationType type() {
    return RecommendationType.RELAX_MFA_FREQUENCY;
  }

  @Override
  public Optional<String> skipReason(AnalysisInput in) {
    return in.snapshot().conditionalAccessPolicies().isEmpty()
        ? Optional.of("no Entra CA policies")
        : Optional.empty();
  }

  @Override
  public List<Proposal> propose(AnalysisInput in) {
    int maxHours = in.threshold("relaxMaxFrequencyHours", 4);
    int minUsers = in.threshold("relaxMinUsers", 3);
    int minPerDay = in.threshold("relaxMinPromptsPerDay", 4);
    SignInLog log = in.snapshot().signIns();
    List<Proposal> out = new ArrayList<>();
    for (ConditionalAccessPolicy p : in.snapshot().conditionalAccessPolicies()) {
      if (p.state() != PolicyState.ENABLED
          || in.guardrails().protectsPolicy(p.id().value(), p.displayName())
          || p.sessionControls() == null
          || p.sessionControls().signInFrequencyValue() == null) {
        continue;
      }
      String unit =
          String.valueOf(p.sessionControls().signInFrequencyType()).toLowerCase(Locale.ROOT);
      int hours = p.sessionControls().signInFrequencyValue() * (unit.startsWith("day") ? 24 : 1);
      List<String> apps = p.applications().includeApplications();
      if (hours > maxHours
          || apps.isEmpty()
          || apps.contains("All")
          || apps.contains("MicrosoftAdminPortals")
          || !p.users().includeRoles().isEmpty()) {
        continue;
      }
      Set<String> appSet = new HashSet<>(apps);
      // prompts per user per UTC day on the policy's apps
      Map<String, Map<Long, int[]>> prompts = new HashMap<>();
      List<String> samples = new ArrayList<>();
      for (int i = 0; i < log.size(); i++) {
        if (log.source(i) != Source.ENTRA
            || log.outcome(i) != SignInOutcome.SUCCESS
            || log.appId(i) == null
            || !appSet.contains(log.appId(i))) {
          continue;
        }
        if (log.mfaPerformed(i) != TriState.TRUE || !log.interactive(i)) {
          continue;
        }
        prompts.computeIfAbsent(requireNonNull(log.accountId(i)), k -> new HashMap<>())
            .computeIfAbsent(Math.floorDiv(log.epochMillis(i), 86_400_000L), k -> new int[1])[0]++;
        if (samples.size() < 10) {
          samples.add(log.eventId(i));
        }
      }
      List<String> heavy = new ArrayList<>();
      long total = 0;
      for (Map.Entry<String, Map<Long, int[]>> u : prompts.entrySet()) {
        List<Integer> perDay = new ArrayList<>();
        u.getValue().values().forEach(c -> perDay.add(c[0]));
        perDay.sort(null);
        int median = perDay.get(perDay.size() / 2);
        if (median >= minPerDay) {
          heavy.add(u.getKey());
          total += perDay.stream().mapToLong(Integer::longValue).sum();
        }
      }
      if (heavy.size() < minUsers) {
        continue;
      }
      heavy.sort(null);
      List<Ref> subjects = new ArrayList<>();
      for (String g : p.users().includeGroups()) {
        String name =
            in.snapshot().groups().stream()
                .filter(x -> x.id().value().equals(g))
                .map(x -> x.name())
                .findFirst()
                .orElse(null);
        subjects.add(new Ref("group", g, name));
      }
      if (subjects.isEmpty()) {
        heavy.forEach(u -> subjects.add(new Ref("user", u, null)));
      }
      Ref target = new Ref("policy", p.id().value(), p.displayName());
      ConditionalAccessPolicy.SessionControls sc = p.sessionControls();
      WhatIfChange change =
          WhatIfChange.Entra.of(
              new PolicyChange.Replaced(
                  p.withSessionControls(
                      new ConditionalAccessPolicy.SessionControls(
                          8,
                          "hours",
                          "timeBased",
                          sc.persistentBrowserMode(),
                          sc.applicationEnforcedRestrictions(),
                          sc.cloudAppSecurity()))));
      out.add(
          new Proposal(
              new Recommendation(
                  Recommendation.stableId(type(), "entra", target, subjects),
                  type(),
                  "entra",
                  target,
                  subjects,
                  "Lengthen the sign-in frequency of '"
                      + p.displayName()
                      + "' from "
                      + hours
                      + " h to 8 h",
                  new Patch(
                      "PATCH",
                      "/identity/conditionalAccess/policies/" + p.id().value(),
                      JsonValue.obj(
                          "sessionControls",
                          JsonValue.obj(
                              "signInFrequency",
                              JsonValue.obj(
                                  "value",
                                  8,
                                  "type",
                                  "hours",
                                  "isEnabled",
                                  true,
                                  "frequencyInterval",
                                  "timeBased")))),
                  0.85,
                  Risk.MEDIUM,
                  Map.of("mfaCompletionsObserved", (double) total),
                  heavy.size()
                      + " users complete MFA "
                      + minPerDay
                      + "+ times on a typical day under a "
                      + hours
                      + " h sign-in frequency on "
                      + apps.size()
                      + " named app(s)",
                  List.of(
                      new Evidence(
                          "count",
                          "MFA completions on the policy's apps by the re-prompted users",
                          new JsonValue.Num(total),
                          samples,
                          null,
                          null),
                      Evidence.count("users re-prompted", heavy.size()),
                      Evidence.fact("sign-in frequency", hours + " h")),
                  Mode.ADVISORY),
              change));
    }
    return out;
  }
}
