package dev.least.analysis;

import dev.least.model.Account;
import dev.least.model.ClientAppType;
import dev.least.model.SignInLog;
import dev.least.model.SignInOutcome;
import dev.least.model.Source;
import dev.least.policy.entra.PolicyChange;
import dev.least.recommend.Evidence;
import dev.least.recommend.JsonValue;
import dev.least.recommend.Mode;
import dev.least.recommend.Patch;
import dev.least.recommend.Recommendation;
import dev.least.recommend.RecommendationType;
import dev.least.recommend.Ref;
import dev.least.recommend.Risk;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * {@code block_legacy_auth} (Entra): legacy-protocol sign-ins (client app types exchangeActiveSync
 * and other) succeed, so no enabled policy blocks them. Proposes a report-only CA policy blocking
 * legacy clients for all users, excluding guardrail-protected users. Subjects: every account seen
 * using legacy clients. Confidence 0.9 with 10 or more successful legacy sign-ins, else 0.75; risk
 * medium (a legacy mail client or scanner may depend on it — the patch starts in report-only).
 * Impact: the policy replayed as enforced ({@link SimulatedImpact}).
 */
public final class LegacyAuthAnalyzer implements PolicyChangeAnalyzer {
  @Override
  public RecommendationType type() {
    return RecommendationType.BLOCK_LEGACY_AUTH;
  }

  @Override
  public Optional<String> skipReason(AnalysisInput in) {
    SignInLog log = in.snapshot().signIns();
    for (int i = 0; i < log.size(); i++) {
      if (log.source(i) == Source.ENTRA) {
        return Optional.empty();
      }
    }
    return Optional.of("no Entra sign-in logs (entra/auditLogs/signIns.jsonl)");
  }

  @Override
  public List<Proposal> propose(AnalysisInput in) {
    SignInLog log = in.snapshot().signIns();
    long successes = 0;
    long attempts = 0;
    long from = Long.MAX_VALUE;
    long to = Long.MIN_VALUE;
    Map<String, Long> users = new TreeMap<>();
    List<String> samples = new ArrayList<>();
    for (int i = 0; i < log.size(); i++) {
      if (log.source(i) != Source.ENTRA) {
        continue;
      }
      ClientAppType c = log.clientApp(i);
      if (c != ClientAppType.OTHER && c != ClientAppType.EXCHANGE_ACTIVE_SYNC) {
        continue;
      }
      attempts++;
      String acct = log.accountId(i);
      if (acct != null) {
        users.merge(acct, 1L, Long::sum);
      }
      if (log.outcome(i) == SignInOutcome.SUCCESS) {
        successes++;
        if (samples.size() < 10) {
          samples.add(log.eventId(i));
        }
        from = Math.min(from, log.epochMillis(i));
        to = Math.max(to, log.epochMillis(i));
      }
    }
    if (successes == 0) {
      return List.of();
    }
    String tenant = in.snapshot().manifest().tenant();
    List<Ref> subjects = new ArrayList<>();
    List<String> protectedIds = ProposedPolicies.protectedEntraAccounts(in);
    for (String u : users.keySet()) {
      Account a = in.directory().account(u);
      if (a != null && in.guardrails().protects(a)) {
        continue;
      }
      subjects.add(new Ref("user", u, a == null ? null : a.login()));
    }
    Patch patch =
        new Patch(
            "POST",
            "/identity/conditionalAccess/policies",
            JsonValue.obj(
                "displayName",
                "Block legacy authentication",
                "state",
                "enabledForReportingButNotEnforced",
                "conditions",
                JsonValue.obj(
                    "users",
                        JsonValue.obj("includeUsers", List.of("All"), "excludeUsers", protectedIds),
                    "applications", JsonValue.obj("includeApplications", List.of("All")),
                    "clientAppTypes", List.of("exchangeActiveSync", "other")),
                "grantControls",
                JsonValue.obj("operator", "OR", "builtInControls", List.of("block"))));
    Ref target = new Ref("tenant", tenant, tenant);
    String id = Recommendation.stableId(type(), "entra", target, List.of());
    // the patch starts in report-only; the impact is that of enforcing it
    WhatIfChange enforced =
        WhatIfChange.Entra.of(
            new PolicyChange.Added(
                ProposedPolicies.forAllUsers(
                    ProposedPolicies.idFor(id),
                    "Block legacy authentication",
                    protectedIds,
                    List.of("exchangeActiveSync", "other"),
                    List.of(),
                    List.of("block"))));
    return List.of(
        new Proposal(
            new Recommendation(
                id,
                type(),
                "entra",
                target,
                subjects,
                "Block legacy authentication (Exchange ActiveSync and other clients) with a CA policy,"
                    + " starting in report-only",
                patch,
                successes >= 10 ? 0.9 : 0.75,
                Risk.MEDIUM,
                Map.of("legacySignInsSucceeded", (double) successes),
                successes
                    + " of "
                    + attempts
                    + " legacy-protocol sign-ins succeeded for "
                    + users.size()
                    + " accounts; no enabled policy blocks them",
                List.of(
                    new Evidence(
                        "count",
                        "successful legacy-protocol sign-ins",
                        new JsonValue.Num(successes),
                        samples,
                        Instant.ofEpochMilli(from),
                        Instant.ofEpochMilli(to)),
                    Evidence.count("accounts using legacy clients", users.size())),
                Mode.ADVISORY),
            enforced));
  }
}
