package dev.least.connector.generate;

import dev.least.model.GroupKind;
import dev.least.model.Source;
import dev.least.model.WorkerStatus;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Checks that the background population holds no accidental instance of the simple recommendation
 * types: every instance in the output must be one the plan planted (and wrote to truth.json).
 * Travel is checked as sign-ins happen; the rest after the simulation.
 */
final class BackgroundAudit {
  /** Faster than an airliner between two sign-ins more than this far apart is impossible. */
  static final double MAX_KMH = 900;

  static final double MIN_KM = 500;
  static final long STALE_DAYS = 90;

  private final List<String> violations = new ArrayList<>();
  private final Map<Source, long[]> lastTime = new HashMap<>();
  private final Map<Source, double[]> lastLat = new HashMap<>();
  private final Map<Source, double[]> lastLon = new HashMap<>();

  BackgroundAudit(int users) {
    for (Source s : List.of(Source.ENTRA, Source.OKTA)) {
      lastTime.put(s, new long[users]);
      lastLat.put(s, new double[users]);
      lastLon.put(s, new double[users]);
    }
  }

  List<String> violations() {
    return List.copyOf(violations);
  }

  /** Records a successful sign-in; flags impossible travel by anyone not planted to do it. */
  void success(Source platform, PlannedUser u, long t, Where where) {
    int i = u.index();
    long[] times = lastTime.get(platform);
    double[] lat = lastLat.get(platform);
    double[] lon = lastLon.get(platform);
    // planted travellers, and the decoy service account that runs in two regions by design
    if (times[i] != 0 && !u.has(Role.IMPOSSIBLE_TRAVEL) && !u.has(Role.TWO_REGION_SERVICE)) {
      double km = Office.km(lat[i], lon[i], where.lat(), where.lon());
      double hours = Math.abs(t - times[i]) / 3_600_000.0;
      if (km > MIN_KM && km / Math.max(hours, 1e-6) > MAX_KMH && violations.size() < 50) {
        violations.add(
            "accidental impossible_travel: "
                + u.upn()
                + " "
                + Math.round(km)
                + " km in "
                + String.format(java.util.Locale.ROOT, "%.1f", hours)
                + " h");
      }
    }
    if (t >= times[i]) {
      times[i] = t;
      lat[i] = where.lat();
      lon[i] = where.lon();
    }
  }

  /** The checks that need the whole window: staleness, orphans, identical and rule-equal groups. */
  void afterSimulation(Plan plan, Ledger ledger) {
    long capture = plan.capturedAt().toEpochMilli();
    long staleBefore = capture - STALE_DAYS * 86_400_000L;
    for (PlannedUser u : plan.users()) {
      boolean exempt =
          u.activity() == Activity.STALE
              || u.activity() == Activity.LEAVE
              || u.activity() == Activity.BREAK_GLASS
              || u.activity() == Activity.ORPHAN;
      boolean old = u.created().toEpochMilli() <= staleBefore;
      long before = u.lastSignInBefore() == null ? 0 : u.lastSignInBefore().toEpochMilli();
      if (u.entraId() != null && u.entraEnabled() && old && !exempt) {
        long last =
            Math.max(
                Math.max(
                    ledger.entraLastSuccess[u.index()], ledger.entraLastNonInteractive[u.index()]),
                before);
        if (last < staleBefore) {
          violations.add("accidental disable_stale_account (entra): " + u.upn());
        }
      }
      if (u.oktaId() != null && "ACTIVE".equals(u.oktaStatus()) && old && !exempt) {
        long last = Math.max(ledger.oktaLastLogin[u.index()], before);
        if (last < staleBefore) {
          violations.add("accidental disable_stale_account (okta): " + u.upn());
        }
      }
      if (u.hrStatus() == WorkerStatus.TERMINATED
          && u.activity() != Activity.ORPHAN
          && (u.entraEnabled() && u.entraId() != null
              || u.oktaId() != null && "ACTIVE".equals(u.oktaStatus()))) {
        violations.add("accidental deprovision_orphan: " + u.upn());
      }
    }
    for (Source s : List.of(Source.ENTRA, Source.OKTA)) {
      groups(plan, s);
    }
  }

  private void groups(Plan plan, Source platform) {
    List<PlannedGroup> groups = plan.groups(platform);
    List<String> planted = new ArrayList<>();
    for (Truth.Scenario sc : plan.scenarios()) {
      if (sc.platform().equals(platform.folder())
          && (sc.type().equals("merge_groups") || sc.type().equals("dynamic_group_rule"))) {
        planted.add(sc.target().id());
        for (Truth.Ref r : sc.subjects()) {
          planted.add(r.id());
        }
      }
    }
    Map<String, String> seen = new TreeMap<>();
    for (PlannedGroup g : groups) {
      if (g.members().length == 0 || planted.contains(g.id())) {
        continue;
      }
      String key = Arrays.toString(g.members());
      String other = seen.putIfAbsent(key, g.name());
      if (other != null) {
        violations.add(
            "accidental merge_groups (" + platform.folder() + "): " + other + " = " + g.name());
      }
    }
    // static groups equal to an attribute rule: department, job title or city
    List<Function<PlannedUser, String>> attributes =
        List.of(
            u -> u.department() == null ? null : u.department().name(),
            PlannedUser::title,
            u -> u.kind() == UserKind.EMPLOYEE ? u.office().city() : null);
    for (Function<PlannedUser, String> attr : attributes) {
      Map<String, List<Integer>> byValue = new TreeMap<>();
      for (PlannedUser u : plan.users()) {
        // attribute holders are every account on the platform, as an analyzer sees them
        boolean on = platform == Source.ENTRA ? u.entraId() != null : u.oktaId() != null;
        String v = attr.apply(u);
        if (on && v != null) {
          byValue.computeIfAbsent(v, k -> new ArrayList<>()).add(u.index());
        }
      }
      for (PlannedGroup g : groups) {
        if (g.kind() != GroupKind.STATIC
            || g.builtIn()
            || planted.contains(g.id())
            || g.members().length < 2) {
          continue;
        }
        for (Map.Entry<String, List<Integer>> e : byValue.entrySet()) {
          int[] want = e.getValue().stream().mapToInt(Integer::intValue).toArray();
          if (Arrays.equals(want, g.members())) {
            violations.add(
                "accidental dynamic_group_rule ("
                    + platform.folder()
                    + "): "
                    + g.name()
                    + " = attribute "
                    + Objects.toString(e.getKey()));
          }
        }
      }
    }
  }
}
