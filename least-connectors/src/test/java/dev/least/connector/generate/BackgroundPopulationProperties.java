package dev.least.connector.generate;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import tools.jackson.databind.JsonNode;

/**
 * Whatever the seed and size, the simple recommendation types occur in the written snapshot exactly
 * where truth.json planted them: checked from the files alone, the way a careless analyzer would,
 * with truth's decoys as the only tolerated extra hits.
 */
class BackgroundPopulationProperties {
  private static final long DAY = 86_400_000L;

  @Provide
  Arbitrary<GeneratorOptions> options() {
    return net.jqwik.api.Combinators.combine(
            Arbitraries.longs().between(1, 1_000_000),
            Arbitraries.integers().between(100, 260),
            Arbitraries.integers().between(3, 16),
            Arbitraries.of(PlatformChoice.BOTH, PlatformChoice.ENTRA))
        .as(
            (seed, users, days, platform) ->
                GeneratorOptions.defaults()
                    .withSeed(seed)
                    .withUsers(users)
                    .withDays(days)
                    .withPlatform(platform));
  }

  @Property(tries = 8)
  void simpleTypesOccurOnlyWherePlanted(@ForAll("options") GeneratorOptions o) throws IOException {
    Path dir = Files.createTempDirectory("least-gen-prop");
    try {
      GeneratedTenant t = GeneratedTenant.generate(dir, o);
      Findings f = new Findings(t);
      assertThat(f.stale)
          .as("stale accounts")
          .containsAll(f.planted("disable_stale_account"))
          .isSubsetOf(union(f.planted("disable_stale_account"), f.decoys("disable_stale_account")));
      assertThat(f.orphans).as("orphans").isEqualTo(f.planted("deprovision_orphan"));
      assertThat(f.identical).as("identical groups").isEqualTo(f.plantedAll("merge_groups"));
      assertThat(f.ruleEqual)
          .as("static groups equal to a department")
          .isEqualTo(f.planted("dynamic_group_rule"));
      // the two-region service account travels by design: a decoy, never an accidental instance
      assertThat(f.travellers)
          .as("impossible travel")
          .containsAll(f.planted("impossible_travel"))
          .isSubsetOf(union(f.planted("impossible_travel"), f.decoys("impossible_travel")));
      assertThat(f.planted("impossible_travel")).as("travellers planted").hasSize(2);
    } finally {
      GeneratedTenant.delete(dir);
    }
  }

  private static Set<String> union(Set<String> a, Set<String> b) {
    Set<String> out = new TreeSet<>(a);
    out.addAll(b);
    return out;
  }

  /** The simple types, found from the Entra files of one generated snapshot. */
  private static final class Findings {
    final GeneratedTenant t;
    final Set<String> stale = new TreeSet<>();
    final Set<String> orphans = new TreeSet<>();
    final Set<String> identical = new TreeSet<>();
    final Set<String> ruleEqual = new TreeSet<>();
    final Set<String> travellers = new TreeSet<>();

    Findings(GeneratedTenant t) {
      this.t = t;
      long capture =
          Instant.parse(t.json("manifest.json").get("capturedAt").asString()).toEpochMilli();
      Map<String, JsonNode> users = new TreeMap<>();
      for (JsonNode u : t.json("entra/users.json").get("value")) {
        users.put(u.get("id").asString(), u);
      }
      // last successful sign-in per user from the log
      Map<String, List<long[]>> successes = new HashMap<>();
      Map<String, Long> lastOk = new HashMap<>();
      for (String line : t.lines("entra/auditLogs/signIns.jsonl")) {
        JsonNode e = GeneratedTenant.JSON.readTree(line);
        if (e.get("status").get("errorCode").asInt() != 0) {
          continue;
        }
        long at = Instant.parse(e.get("createdDateTime").asString()).toEpochMilli();
        String who = e.get("userId").asString();
        lastOk.merge(who, at, Math::max);
        JsonNode geo = e.get("location").get("geoCoordinates");
        successes
            .computeIfAbsent(who, k -> new ArrayList<>())
            .add(
                new long[] {
                  at,
                  Double.doubleToLongBits(geo.get("latitude").asDouble()),
                  Double.doubleToLongBits(geo.get("longitude").asDouble())
                });
      }
      for (JsonNode u : users.values()) {
        if (!u.get("accountEnabled").asBoolean()) {
          continue;
        }
        long created = Instant.parse(u.get("createdDateTime").asString()).toEpochMilli();
        long last = lastOk.getOrDefault(u.get("id").asString(), 0L);
        JsonNode act = u.get("signInActivity");
        if (act != null && !act.isNull()) {
          for (String k :
              List.of("lastSuccessfulSignInDateTime", "lastNonInteractiveSignInDateTime")) {
            if (act.hasNonNull(k)) {
              last = Math.max(last, Instant.parse(act.get(k).asString()).toEpochMilli());
            }
          }
        }
        if (created <= capture - 90 * DAY && last < capture - 90 * DAY) {
          stale.add(u.get("id").asString());
        }
      }
      // HR terminated while the account is enabled
      Map<String, String> userByEmployee = new HashMap<>();
      for (JsonNode u : users.values()) {
        if (u.hasNonNull("employeeId") && u.get("accountEnabled").asBoolean()) {
          userByEmployee.put(u.get("employeeId").asString(), u.get("id").asString());
        }
      }
      for (String row : t.lines("hr/workers.csv")) {
        String[] c = row.split(",", -1);
        if (c[4].equals("Terminated") && userByEmployee.containsKey(c[0])) {
          orphans.add(userByEmployee.get(c[0]));
        }
      }
      // groups: identical member sets, static groups equal to a department
      Map<String, List<String>> byMembers = new TreeMap<>();
      Map<String, Set<String>> byDepartment = new TreeMap<>();
      for (JsonNode u : users.values()) {
        if (u.hasNonNull("department")) {
          byDepartment
              .computeIfAbsent(u.get("department").asString(), k -> new TreeSet<>())
              .add(u.get("id").asString());
        }
      }
      for (JsonNode g : t.json("entra/groups.json").get("value")) {
        String id = g.get("id").asString();
        Set<String> members = new TreeSet<>();
        for (JsonNode m : t.json("entra/groups/" + id + "/members.json").get("value")) {
          members.add(m.get("id").asString());
        }
        if (members.isEmpty()) {
          continue;
        }
        byMembers.computeIfAbsent(members.toString(), k -> new ArrayList<>()).add(id);
        if (g.get("groupTypes").isEmpty() && byDepartment.containsValue(members)) {
          ruleEqual.add(id);
        }
      }
      for (List<String> same : byMembers.values()) {
        if (same.size() > 1) {
          identical.addAll(same);
        }
      }
      // consecutive successful sign-ins faster than 900 km/h over more than 500 km
      for (Map.Entry<String, List<long[]>> e : successes.entrySet()) {
        List<long[]> s = e.getValue();
        s.sort((a, b) -> Long.compare(a[0], b[0]));
        for (int i = 1; i < s.size(); i++) {
          double km =
              Office.km(
                  Double.longBitsToDouble(s.get(i - 1)[1]),
                  Double.longBitsToDouble(s.get(i - 1)[2]),
                  Double.longBitsToDouble(s.get(i)[1]),
                  Double.longBitsToDouble(s.get(i)[2]));
          double hours = Math.max(1e-6, (s.get(i)[0] - s.get(i - 1)[0]) / 3_600_000.0);
          if (km > 500 && km / hours > 900) {
            travellers.add(e.getKey());
          }
        }
      }
    }

    Set<String> planted(String type) {
      Set<String> out = new TreeSet<>();
      for (JsonNode s : t.scenarios(type, "entra")) {
        out.add(s.get("target").get("id").asString());
      }
      return out;
    }

    Set<String> plantedAll(String type) {
      Set<String> out = planted(type);
      for (JsonNode s : t.scenarios(type, "entra")) {
        s.get("subjects").forEach(r -> out.add(r.get("id").asString()));
      }
      return out;
    }

    Set<String> decoys(String type) {
      Set<String> out = new TreeSet<>();
      for (JsonNode d : t.truth().get("decoys")) {
        if (d.get("platform").asString().equals("entra")
            && d.get("reason").asString().endsWith(" " + type)) {
          out.add(d.get("id").asString());
        }
      }
      return out;
    }
  }
}
