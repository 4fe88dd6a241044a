package dev.least.app.cli;

import dev.least.connector.snapshot.SnapshotReadResult;
import dev.least.model.Account;
import dev.least.model.Source;
import dev.least.model.TenantSnapshot;
import dev.least.source.FileStat;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/** What {@code least inspect} reports; serialized as-is for {@code --json}. */
public record InspectReport(
    String tenant,
    Instant capturedAt,
    List<String> sources,
    Map<String, Map<String, Long>> counts,
    @Nullable LogWindow logWindow,
    HrJoin hrJoin,
    Quarantine quarantine,
    Settings settings,
    List<FileStat> files,
    double readSeconds) {

  /** First and last sign-in, overall. */
  public record LogWindow(Instant from, Instant to, long events) {}

  /** How accounts joined HR workers. */
  public record HrJoin(
      long workers, long accounts, long matched, double rate, List<UnmatchedAccount> unmatched) {}

  /** An account that joined no HR worker. */
  public record UnmatchedAccount(String source, String id, String login) {}

  /** What {@code least.yaml} sets. */
  public record Settings(
      List<String> protectedUsers,
      List<String> protectedGroups,
      List<String> protectedPolicies,
      List<String> sodRules,
      Map<String, Double> thresholds) {}

  /** Bad records and where they went. */
  public record Quarantine(long records, @Nullable String file, Map<String, Long> byReason) {}

  static InspectReport of(SnapshotOptions.Read read) {
    SnapshotReadResult r = read.result();
    TenantSnapshot s = r.snapshot();
    Map<String, Map<String, Long>> counts = new LinkedHashMap<>();
    counts.put("workers", Map.of("hr", (long) s.workers().size()));
    counts.put("accounts", bySource(s.accounts(), Account::source));
    counts.put("groups", bySource(s.groups(), g -> g.source()));
    counts.put("groupMemberships", Map.of("all", (long) s.memberships().size()));
    counts.put("apps", bySource(s.apps(), a -> a.source()));
    counts.put("appAssignments", Map.of("all", (long) s.appAssignments().size()));
    counts.put("roles", Map.of("entra", (long) s.roles().size()));
    counts.put("roleAssignments", Map.of("entra", (long) s.roleAssignments().size()));
    counts.put("locations", bySource(s.locations(), l -> l.source()));
    counts.put(
        "policies",
        ordered(
            Map.of(
                "entra",
                (long) s.conditionalAccessPolicies().size(),
                "okta",
                (long) s.oktaPolicies().size())));
    counts.put(
        "policyRules",
        Map.of("okta", s.oktaPolicies().stream().mapToLong(p -> p.rules().size()).sum()));
    Map<Source, Long> events = new EnumMap<>(Source.class);
    for (int i = 0; i < s.signIns().size(); i++) {
      events.merge(s.signIns().source(i), 1L, Long::sum);
    }
    Map<String, Long> ev = new LinkedHashMap<>();
    events.forEach((k, v) -> ev.put(k.folder(), v));
    counts.put("signIns", ev);

    LogWindow window = null;
    if (s.signIns().size() > 0) {
      window =
          new LogWindow(
              Instant.ofEpochMilli(s.signIns().minEpochMillis()),
              Instant.ofEpochMilli(s.signIns().maxEpochMillis()),
              s.signIns().size());
    }
    List<UnmatchedAccount> unmatched = new ArrayList<>();
    for (Account a : r.join().unmatchedAccounts()) {
      unmatched.add(new UnmatchedAccount(a.source().folder(), a.id().value(), a.login()));
    }
    HrJoin join =
        new HrJoin(
            s.workers().size(),
            s.accounts().size(),
            r.join().matchedAccounts(),
            r.join().joinRate(),
            unmatched);
    Quarantine q =
        new Quarantine(
            r.quarantined(),
            r.quarantined() > 0 ? read.quarantineFile().toString() : null,
            read.quarantineByReason());
    return new InspectReport(
        s.manifest().tenant(),
        s.manifest().capturedAt(),
        s.manifest().sources().stream().map(Source::folder).toList(),
        counts,
        window,
        join,
        q,
        new Settings(
            r.settings().guardrails().protectedUsers(),
            r.settings().guardrails().protectedGroups(),
            r.settings().guardrails().protectedPolicies(),
            r.settings().sod().stream().map(rule -> rule.id()).toList(),
            r.settings().thresholds().values()),
        r.files(),
        r.nanos() / 1e9);
  }

  private static <T> Map<String, Long> bySource(List<T> items, Function<T, Source> source) {
    Map<Source, Long> m = new EnumMap<>(Source.class);
    for (T t : items) {
      m.merge(source.apply(t), 1L, Long::sum);
    }
    Map<String, Long> out = new LinkedHashMap<>();
    m.forEach((k, v) -> out.put(k.folder(), v));
    return out;
  }

  private static Map<String, Long> ordered(Map<String, Long> m) {
    Map<String, Long> out = new LinkedHashMap<>();
    m.keySet().stream().sorted().forEach(k -> out.put(k, m.get(k)));
    return out;
  }

  /** The human-readable form. */
  String toText() {
    StringBuilder b = new StringBuilder();
    b.append("Tenant ").append(tenant).append(", captured ").append(capturedAt);
    b.append(", sources ").append(String.join(", ", sources)).append('\n');
    b.append('\n').append("Counts\n");
    counts.forEach(
        (kind, bySource) -> {
          long total = bySource.values().stream().mapToLong(Long::longValue).sum();
          b.append(String.format("  %-18s %9d", kind, total));
          if (bySource.size() > 1 || !bySource.containsKey("all")) {
            List<String> parts = new ArrayList<>();
            bySource.forEach((src, n) -> parts.add(src + " " + n));
            b.append("   (").append(String.join(", ", parts)).append(')');
          }
          b.append('\n');
        });
    b.append('\n');
    if (logWindow == null) {
      b.append("Log window: no sign-ins\n");
    } else {
      b.append("Log window: ")
          .append(logWindow.from())
          .append(" .. ")
          .append(logWindow.to())
          .append(" (")
          .append(logWindow.events())
          .append(" events)\n");
    }
    b.append(
        String.format(
            "HR join: %d of %d accounts matched a worker (%.1f %%)%n",
            hrJoin.matched(), hrJoin.accounts(), hrJoin.rate() * 100));
    int shown = 0;
    for (UnmatchedAccount u : hrJoin.unmatched()) {
      if (shown++ == 20) {
        b.append("  … and ").append(hrJoin.unmatched().size() - 20).append(" more (see --json)\n");
        break;
      }
      b.append("  unmatched ").append(u.source()).append(' ').append(u.login()).append('\n');
    }
    b.append("Quarantined records: ").append(quarantine.records());
    if (quarantine.file() != null) {
      b.append(" → ").append(quarantine.file());
    }
    b.append('\n');
    quarantine
        .byReason()
        .forEach((k, v) -> b.append("  ").append(v).append("  ").append(k).append('\n'));
    b.append(
        String.format(
            "Settings: %d protected users, %d protected groups, %d protected policies, %d SoD"
                + " rules%s%n",
            settings.protectedUsers().size(),
            settings.protectedGroups().size(),
            settings.protectedPolicies().size(),
            settings.sodRules().size(),
            settings.thresholds().isEmpty() ? "" : ", thresholds " + settings.thresholds()));
    b.append('\n').append("Files\n");
    for (FileStat f : files) {
      b.append(
          String.format(
              "  %-55s %-16s %9d rec %6d bad %8.3f s%n",
              f.file(), f.kind(), f.records(), f.quarantined(), f.nanos() / 1e9));
    }
    b.append(String.format("Read in %.3f s%n", readSeconds));
    return b.toString();
  }
}
