package dev.least.review;

import static java.util.Objects.requireNonNull;

import dev.least.model.Account;
import dev.least.model.App;
import dev.least.model.DenseKeys;
import dev.least.model.HrWorker;
import dev.least.model.SignInLog;
import dev.least.model.SignInOutcome;
import dev.least.model.TenantSnapshot;
import dev.least.model.WorkerStatus;
import dev.least.sod.Entitlement;
import dev.least.sod.EntitlementIndex;
import dev.least.sod.Holding;
import dev.least.source.IdentityJoin;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Builds the access review: for every account and every group, app or role it holds, a suggestion
 * with a confidence and a justification, from these facts only — use (successful sign-ins to the
 * apps the access grants within the usage window), peers (same department, else same manager, on
 * the same platform) holding and using it, HR status and how the access is granted.
 *
 * <p>Rules, first match wins: HR terminated → revoke (0.95). Used → keep (0.9 with 5+ uses, else
 * 0.75). Not used though measurable: account created within the window → review (0.5, a new hire);
 * on HR leave → review (0.6); at least half the colleagues holding it used it → revoke (0.8);
 * otherwise review (0.5). Use not measurable (roles, groups granting no app): held by at least 80 %
 * of colleagues → keep (0.7), else review (0.5).
 */
public final class AccessReview {
  private final TenantSnapshot snapshot;
  private final int unusedDays;

  public AccessReview(TenantSnapshot snapshot, int unusedAccessDays) {
    this.snapshot = snapshot;
    this.unusedDays = unusedAccessDays;
  }

  private static final class Use {
    long count;
    long last = Long.MIN_VALUE;
    final int[] sampled = new int[10]; // the first events' log indices (ids made when written out)
    int samples;
  }

  /** The use of one entitlement by one account: its last time and up to 10 sample event ids. */
  private record Detail(long last, List<String> samples) {}

  /** Every item of the review. */
  public List<ReviewItem> items() {
    return items(null);
  }

  /**
   * The items with suggestion {@code only} (all when null), as {@link #items()} lists them: the
   * others are decided but not written out.
   */
  public List<ReviewItem> items(@Nullable Suggestion only) {
    EntitlementIndex index = EntitlementIndex.of(snapshot);
    long now = snapshot.manifest().capturedAt().toEpochMilli();
    SignInLog log = snapshot.signIns();
    long from = now - Duration.ofDays(unusedDays).toMillis();
    if (log.size() > 0) {
      from = Math.max(from, log.minEpochMillis());
    }
    long windowDays = Math.max(1, Math.round((now - from) / 86_400_000.0));

    Map<String, String> appBySignInKey = new HashMap<>();
    for (App a : snapshot.apps()) {
      appBySignInKey.put(a.id().value(), a.id().value());
      if (a.clientId() != null) {
        appBySignInKey.put(a.clientId(), a.id().value());
      }
    }
    Map<String, Map<String, Use>> uses = uses(log, from, now, appBySignInKey);

    Map<String, HrWorker> workerOf = IdentityJoin.workersByAccount(snapshot.people());
    List<Account> accounts = new ArrayList<>(snapshot.accounts());
    accounts.sort(Comparator.comparing(a -> a.id().value()));
    // per account (by its place in `accounts`): worker, peer group, holdings and their use
    int n = accounts.size();
    List<@Nullable HrWorker> workers = new ArrayList<>(n);
    List<@Nullable String> peerKeys = new ArrayList<>(n);
    List<List<Holding>> holdings = new ArrayList<>(n);
    List<long[]> usages = new ArrayList<>(n); // use of each holding, in the holdings' order
    Map<String, int[]> peerGroupSize = new HashMap<>();
    Map<String, List<String>> appsOfGroup = new HashMap<>();
    for (Account a : accounts) {
      String id = a.id().value();
      HrWorker w = workerOf.get(id);
      String key = peerKey(a, w);
      List<Holding> hs = dedupe(index.holdings(id));
      long[] used = new long[hs.size()];
      for (int k = 0; k < used.length; k++) {
        used[k] = usage(id, hs.get(k).entitlement(), index, uses, appsOfGroup);
      }
      workers.add(w);
      peerKeys.add(key);
      holdings.add(hs);
      usages.add(used);
      if (key != null) {
        peerGroupSize.computeIfAbsent(key, k -> new int[1])[0]++;
      }
    }
    // per peer group and entitlement: how many hold it, how many of those used it
    Map<String, Map<Entitlement, int[]>> tally = new HashMap<>();
    for (int i = 0; i < n; i++) {
      String key = peerKeys.get(i);
      if (key == null) {
        continue;
      }
      Map<Entitlement, int[]> t = tally.computeIfAbsent(key, k -> new HashMap<>());
      List<Holding> hs = holdings.get(i);
      long[] used = usages.get(i);
      for (int k = 0; k < used.length; k++) {
        int[] c = t.computeIfAbsent(hs.get(k).entitlement(), x -> new int[2]);
        c[0]++;
        if (used[k] > 0) {
          c[1]++;
        }
      }
    }

    List<ReviewItem> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      Account a = accounts.get(i);
      HrWorker w = workers.get(i);
      String key = peerKeys.get(i);
      int peers = key == null ? 0 : requireNonNull(peerGroupSize.get(key))[0] - 1;
      Map<Entitlement, int[]> t = key == null ? Map.of() : requireNonNull(tally.get(key));
      List<Holding> hs = holdings.get(i);
      for (int k = 0; k < hs.size(); k++) {
        Holding h = hs.get(k);
        Entitlement e = h.entitlement();
        long used = usages.get(i)[k];
        int holding = 0;
        int using = 0;
        if (key != null) {
          int[] c = requireNonNull(t.get(e));
          holding = c[0] - 1;
          using = c[1] - (used > 0 ? 1 : 0);
        }
        if (only != null
            && suggestion(a, w, used, peers, holding, used < 0 ? -1 : using, from) != only) {
          continue;
        }
        Detail detail = detail(a.id().value(), e, index, uses, appsOfGroup, log);
        out.add(
            decide(
                a,
                w,
                h,
                used,
                detail,
                key,
                peers,
                holding,
                used < 0 ? -1 : using,
                windowDays,
                from));
      }
    }
    return out;
  }

  /**
   * The suggestion {@link #decide} makes, without its text: the same rules in the same order (a
   * test holds the two together).
   */
  private static Suggestion suggestion(
      Account a, @Nullable HrWorker w, long used, int peers, int holding, int using, long from) {
    if (w != null && w.status() == WorkerStatus.TERMINATED) {
      return Suggestion.REVOKE;
    }
    if (used > 0) {
      return Suggestion.KEEP;
    }
    if (used == 0) {
      boolean newHire = a.created() != null && a.created().toEpochMilli() > from;
      if (newHire || (w != null && w.status() == WorkerStatus.LEAVE)) {
        return Suggestion.REVIEW;
      }
      return holding > 0 && using * 2 >= holding ? Suggestion.REVOKE : Suggestion.REVIEW;
    }
    return peers > 0 && holding * 5 >= peers * 4 ? Suggestion.KEEP : Suggestion.REVIEW;
  }

  private ReviewItem decide(
      Account a,
      @Nullable HrWorker w,
      Holding h,
      long used,
      Detail detail,
      @Nullable String peerKey,
      int peers,
      int holding,
      int using,
      long windowDays,
      long from) {
    String peerName = peerKey == null ? null : peerKey.substring(peerKey.indexOf('|') + 1);
    String colleagues =
        peerName == null
            ? "no peer group (no department or manager)"
            : "held by " + holding + " of " + peers + " colleagues in " + peerName;
    Suggestion s;
    double conf;
    String why;
    boolean newHire = a.created() != null && a.created().toEpochMilli() > from;
    if (w != null && w.status() == WorkerStatus.TERMINATED) {
      s = Suggestion.REVOKE;
      conf = 0.95;
      why =
          "HR status terminated"
              + (w.terminationDate() == null ? "" : " since " + w.terminationDate());
    } else if (used > 0) {
      s = Suggestion.KEEP;
      conf = used >= 5 ? 0.9 : 0.75;
      why =
          "used "
              + used
              + (used == 1 ? " time" : " times")
              + " in the last "
              + windowDays
              + " days (last "
              + Instant.ofEpochMilli(detail.last()).toString().substring(0, 10)
              + "); "
              + colleagues;
    } else if (used == 0) {
      String notUsed = "not used in the last " + windowDays + " days";
      if (newHire) {
        s = Suggestion.REVIEW;
        conf = 0.5;
        why = notUsed + ", but the account was created " + a.created().toString().substring(0, 10);
      } else if (w != null && w.status() == WorkerStatus.LEAVE) {
        s = Suggestion.REVIEW;
        conf = 0.6;
        why = notUsed + " while on HR leave; " + colleagues;
      } else if (holding > 0 && using * 2 >= holding) {
        s = Suggestion.REVOKE;
        conf = 0.8;
        why = notUsed + " while " + using + " of " + holding + " colleagues holding it used it";
      } else {
        s = Suggestion.REVIEW;
        conf = 0.5;
        why =
            notUsed
                + "; "
                + (holding == 0
                    ? "no colleague holds it"
                    : "colleagues holding it do not use it either ("
                        + using
                        + " of "
                        + holding
                        + ")");
      }
    } else if (peers > 0 && holding * 5 >= peers * 4) {
      s = Suggestion.KEEP;
      conf = 0.7;
      why = colleagues + "; use is not visible in sign-ins";
    } else {
      s = Suggestion.REVIEW;
      conf = 0.5;
      why = colleagues + "; use is not visible in sign-ins";
    }
    String granted = h.describe();
    return new ReviewItem(
        a.id().value(),
        a.login(),
        a.source().folder(),
        h.entitlement(),
        granted,
        w == null ? null : w.status().name().toLowerCase(Locale.ROOT),
        peerName,
        used,
        detail.last() == Long.MIN_VALUE ? null : Instant.ofEpochMilli(detail.last()).toString(),
        peers,
        holding,
        using,
        s,
        conf,
        s.label() + ": " + why + "; granted " + granted,
        detail.samples());
  }

  /**
   * Successful sign-ins per account and app (the snapshot's app id) in {@code [from, now]}: counts,
   * the last time and up to 10 sample event ids, read from the log's columns (each account and app
   * code pair is looked up by its codes; its map entry is made once).
   */
  private static Map<String, Map<String, Use>> uses(
      SignInLog log, long from, long now, Map<String, String> appBySignInKey) {
    Map<String, Map<String, Use>> uses = new HashMap<>();
    DenseKeys appCodes = new DenseKeys(); // log app id codes met so far
    List<@Nullable String> appOf = new ArrayList<>(); // by the DenseKeys id: the app, or null
    DenseKeys pairs = new DenseKeys(); // (account code, app code) pairs met so far
    List<Use> useOf = new ArrayList<>(); // by the DenseKeys id
    for (int i = 0; i < log.size(); i++) {
      long t = log.epochMillis(i);
      if (t < from || t > now || log.outcome(i) != SignInOutcome.SUCCESS) {
        continue;
      }
      int appCode = log.appIdCode(i);
      int acctCode = log.accountCode(i);
      if (appCode < 0 || acctCode < 0) {
        continue;
      }
      int a = appCodes.id(appCode);
      if (a == appOf.size()) {
        appOf.add(appBySignInKey.get(log.string(appCode)));
      }
      String app = appOf.get(a);
      if (app == null) {
        continue;
      }
      int pair = pairs.id(DenseKeys.pack(acctCode, appCode));
      Use u;
      if (pair == useOf.size()) {
        String acct = requireNonNull(log.string(acctCode));
        // two logged app ids (the app's id and its client id) can name the same app
        u = uses.computeIfAbsent(acct, k -> new HashMap<>()).computeIfAbsent(app, k -> new Use());
        useOf.add(u);
      } else {
        u = useOf.get(pair);
      }
      u.count++;
      u.last = Math.max(u.last, t);
      if (u.samples < u.sampled.length) {
        u.sampled[u.samples++] = i;
      }
    }
    return uses;
  }

  /** Peer group key: platform + department, else platform + manager; null when neither. */
  private static @Nullable String peerKey(Account a, @Nullable HrWorker w) {
    String dept = a.department() != null ? a.department() : (w == null ? null : w.department());
    if (dept != null && !dept.isBlank()) {
      return a.source().folder() + "|" + dept;
    }
    String mgr = a.managerId() != null ? a.managerId() : (w == null ? null : w.managerEmail());
    if (mgr != null && !mgr.isBlank()) {
      return a.source().folder() + "|reports of " + mgr;
    }
    return null;
  }

  private static List<Holding> dedupe(List<Holding> hs) {
    Set<Entitlement> seen = new HashSet<>();
    List<Holding> out = new ArrayList<>();
    for (Holding h : hs) {
      if (seen.add(h.entitlement())) {
        out.add(h);
      }
    }
    out.sort(
        Comparator.comparing((Holding h) -> h.entitlement().kind())
            .thenComparing(h -> h.entitlement().name())
            .thenComparing(h -> h.entitlement().id()));
    return out;
  }

  private static List<String> apps(
      Entitlement e, EntitlementIndex index, Map<String, List<String>> appsOfGroup) {
    return switch (e.kind()) {
      case APP -> List.of(e.id());
      case GROUP -> appsOfGroup.computeIfAbsent(e.id(), index::appsGrantedBy);
      case ROLE -> List.of();
    };
  }

  private static long usage(
      String acct,
      Entitlement e,
      EntitlementIndex index,
      Map<String, Map<String, Use>> uses,
      Map<String, List<String>> appsOfGroup) {
    List<String> apps = apps(e, index, appsOfGroup);
    if (apps.isEmpty()) {
      return -1;
    }
    long n = 0;
    Map<String, Use> mine = uses.getOrDefault(acct, Map.of());
    for (String app : apps) {
      Use u = mine.get(app);
      if (u != null) {
        n += u.count;
      }
    }
    return n;
  }

  private static Detail detail(
      String acct,
      Entitlement e,
      EntitlementIndex index,
      Map<String, Map<String, Use>> uses,
      Map<String, List<String>> appsOfGroup,
      SignInLog log) {
    long last = Long.MIN_VALUE;
    List<String> samples = new ArrayList<>();
    Map<String, Use> mine = uses.getOrDefault(acct, Map.of());
    for (String app : apps(e, index, appsOfGroup)) {
      Use u = mine.get(app);
      if (u != null) {
        last = Math.max(last, u.last);
        for (int k = 0; k < u.samples && samples.size() < 10; k++) {
          samples.add(log.eventId(u.sampled[k]));
        }
      }
    }
    return new Detail(last, samples);
  }
}
