package dev.least.app.workflow;

import dev.least.model.LoggedPolicyResult;
import dev.least.model.PolicyResult;
import dev.least.model.SignInEvent;
import dev.least.model.SignInLog;
import dev.least.model.TenantSnapshot;
import dev.least.model.TriState;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;

/**
 * What the dashboard's overview shows about one analysis run, computed once at import and kept in
 * the run's summary: per-policy activity in the sign-in log, and the users the run's
 * recommendations touch most.
 *
 * <p>Per policy (from the results the vendor logged for each sign-in): <b>hits</b> are sign-ins the
 * policy applied to (any result but not applied / not enabled / unknown, report-only included),
 * <b>challenges</b> are hits where the user was challenged or stopped: the policy failed or denied
 * (Entra {@code failure}, Okta {@code DENY}/{@code CHALLENGE}, report-only failure or interrupted)
 * or the sign-in required MFA. Rates are per logged sign-in of the policy's platform.
 */
public final class RunOverview {
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final Set<PolicyResult> NOT_A_HIT =
      EnumSet.of(
          PolicyResult.NOT_APPLIED,
          PolicyResult.NOT_ENABLED,
          PolicyResult.REPORT_ONLY_NOT_APPLIED,
          PolicyResult.UNKNOWN);
  private static final Set<PolicyResult> CHALLENGING =
      EnumSet.of(
          PolicyResult.FAILURE,
          PolicyResult.DENY,
          PolicyResult.CHALLENGE,
          PolicyResult.REPORT_ONLY_FAILURE,
          PolicyResult.REPORT_ONLY_INTERRUPTED);

  /** How many users the overview lists. */
  public static final int TOP_USERS = 10;

  private RunOverview() {}

  /** One policy's activity. */
  public record PolicyActivity(
      String policyId, String name, String platform, long signIns, long hits, long challenges) {
    public double hitRate() {
      return signIns == 0 ? 0 : (double) hits / signIns;
    }

    public double challengeRate() {
      return signIns == 0 ? 0 : (double) challenges / signIns;
    }
  }

  /** Per-policy activity, busiest first; policies without a logged hit are listed with zeros. */
  public static List<PolicyActivity> policies(TenantSnapshot s) {
    Map<String, String> names = new LinkedHashMap<>();
    Map<String, String> platforms = new HashMap<>();
    s.conditionalAccessPolicies()
        .forEach(
            p -> {
              names.put(p.id().value(), p.displayName());
              platforms.put(p.id().value(), "entra");
            });
    s.oktaPolicies()
        .forEach(
            p -> {
              names.put(p.id().value(), p.name());
              platforms.put(p.id().value(), "okta");
            });
    Map<String, long[]> counts = new HashMap<>();
    Map<String, Long> signInsByPlatform = new HashMap<>();
    SignInLog log = s.signIns();
    for (int i = 0; i < log.size(); i++) {
      SignInEvent e = log.get(i);
      String platform = e.source().name().toLowerCase(java.util.Locale.ROOT);
      signInsByPlatform.merge(platform, 1L, Long::sum);
      boolean mfa = e.mfaRequired() == TriState.TRUE;
      for (LoggedPolicyResult r : e.policyResults()) {
        if (NOT_A_HIT.contains(r.result())) {
          continue;
        }
        long[] c = counts.computeIfAbsent(r.policyId(), k -> new long[2]);
        c[0]++;
        if (mfa || CHALLENGING.contains(r.result())) {
          c[1]++;
        }
        platforms.putIfAbsent(r.policyId(), platform);
      }
    }
    List<PolicyActivity> out = new ArrayList<>();
    Set<String> ids = new java.util.LinkedHashSet<>(names.keySet());
    ids.addAll(counts.keySet());
    for (String id : ids) {
      long[] c = counts.getOrDefault(id, new long[2]);
      String platform = platforms.getOrDefault(id, "");
      out.add(
          new PolicyActivity(
              id,
              names.getOrDefault(id, id),
              platform,
              signInsByPlatform.getOrDefault(platform, 0L),
              c[0],
              c[1]));
    }
    out.sort(
        Comparator.comparingLong(PolicyActivity::hits)
            .reversed()
            .thenComparing(PolicyActivity::policyId));
    return out;
  }

  /**
   * The users named most often (as target or subject) by the recommendations in {@code
   * recommendations} (the engine's JSON array), most first, at most {@link #TOP_USERS}.
   */
  public static List<Map.Entry<String, Long>> topUsers(JsonNode recommendations) {
    Map<String, Long> byUser = new HashMap<>();
    for (JsonNode rec : recommendations) {
      Set<String> seen = new java.util.HashSet<>();
      count(rec.path("target"), seen);
      for (JsonNode subject : rec.path("subjects")) {
        count(subject, seen);
      }
      seen.forEach(u -> byUser.merge(u, 1L, Long::sum));
    }
    return byUser.entrySet().stream()
        .sorted(
            Map.Entry.<String, Long>comparingByValue()
                .reversed()
                .thenComparing(Map.Entry.comparingByKey()))
        .limit(TOP_USERS)
        .toList();
  }

  private static void count(JsonNode ref, Set<String> seen) {
    if ("user".equals(ref.path("kind").asString(""))) {
      JsonNode name = ref.get("name");
      seen.add(
          name != null && !name.asString("").isBlank()
              ? name.asString()
              : ref.path("id").asString());
    }
  }

  /** Both as JSON, for the run summary. */
  public static JsonNode toJson(TenantSnapshot s, JsonNode recommendations) {
    var root = JSON.createObjectNode();
    ArrayNode policies = root.putArray("policies");
    for (PolicyActivity p : policies(s)) {
      var n = policies.addObject();
      n.put("policyId", p.policyId());
      n.put("name", p.name());
      n.put("platform", p.platform());
      n.put("signIns", p.signIns());
      n.put("hits", p.hits());
      n.put("challenges", p.challenges());
    }
    ArrayNode users = root.putArray("topUsers");
    for (var e : topUsers(recommendations)) {
      users.addObject().put("user", e.getKey()).put("recommendations", e.getValue());
    }
    return root;
  }
}
