package dev.least.roles;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Basic role minimisation (exact cover, no over-assignment) after Ene, Horne, Milosavljevic, Rao,
 * Schreiber and Tarjan, "Fast exact and heuristic methods for role minimization problems", SACMAT
 * 2008. A role set is a biclique cover of the bipartite user–entitlement graph; two assignments can
 * share a role exactly when they are "compatible" (each user holds the other's entitlement).
 *
 * <ol>
 *   <li>collapse users with identical entitlement sets and entitlements with identical holder sets
 *       (a cover of the collapsed matrix expands to a cover of the original of the same size);
 *   <li>mandatory bicliques: an uncovered assignment (u, p) whose candidate biclique {@code
 *       holders(p) × entitlements(u)} is complete lies in exactly one maximal biclique, so some
 *       optimal cover uses it: take it as a role;
 *   <li>dominance: an uncovered (v, q) compatible with everything (u, p) is compatible with (live
 *       entitlements(u) ⊆ entitlements(v), live holders(p) ⊆ holders(q)) rides along with whatever
 *       role covers (u, p); it is marked and granted at the end by extending that role;
 *   <li>drop users and entitlements with nothing left to cover (the optimum is unchanged) and
 *       repeat 2–3 until nothing changes;
 *   <li>a lower bound for what is left: a greedy set of pairwise incompatible uncovered assignments
 *       (no role can hold two of them);
 *   <li>exact search of the remainder: covering it is a minimum clique cover of the compatibility
 *       graph of the uncovered assignments (pairwise compatible assignments always fit one role),
 *       which splits into connected components; each is solved by DSATUR branch and bound on the
 *       complement ({@link CliqueCover}) within a node budget. When every component is solved the
 *       cover is optimal and mining stops here;
 *   <li>otherwise, greedy cover of the remainder, returning to the reductions after every pick: the
 *       deterministic pass takes the uncovered assignment with the fewest compatible ones and the
 *       maximal biclique through it covering the most; restarts alternate that with "largest
 *       uncovered biclique first" over the user- and entitlement-anchored maximal bicliques, with
 *       random choice among near-best candidates (seeded, so runs are reproducible); the smallest
 *       of these and the search's best cover wins;
 *   <li>roles made redundant by later ones are dropped.
 * </ol>
 *
 * The set is proven optimal when its size equals mandatory roles + the lower bound.
 */
public final class ExactRoleMiner implements RoleMiner {
  /** Remainders with more uncovered assignments than this are not searched exhaustively. */
  private static final int SEARCH_MAX_ASSIGNMENTS = 3000;

  /**
   * The dominance reduction compares live vertices pairwise; above this many pairs it is skipped.
   */
  private static final long DOMINANCE_MAX_PAIRS = 50_000_000L;

  /** Search nodes per connected component of the remainder. */
  private static final long SEARCH_NODES = 1_000_000;

  private final int attempts;
  private final double slack;

  /** 16 randomized restarts of the remainder cover, candidates within 20% of the best. */
  public ExactRoleMiner() {
    this(16, 0.2);
  }

  /**
   * @param attempts randomized restarts of the greedy cover after the deterministic one (stops
   *     early when the lower bound is reached)
   * @param slack a restart picks uniformly among candidates covering at least {@code (1 - slack)}
   *     of the best candidate's uncovered assignments
   */
  public ExactRoleMiner(int attempts, double slack) {
    if (attempts < 0 || slack < 0 || slack >= 1) {
      throw new IllegalArgumentException("attempts >= 0 and 0 <= slack < 1 expected");
    }
    this.attempts = attempts;
    this.slack = slack;
  }

  @Override
  public RoleSet mine(AssignmentMatrix matrix) {
    Collapsed c = Collapsed.of(matrix);
    Kernel k = new Kernel(c.rows, c.entitlementClasses.size());
    k.solve();
    k.grantDominated();
    List<MinedRole> roles = new ArrayList<>();
    int mandatory = 0;
    for (Kernel.Found f : k.pruned()) {
      BitSet users = new BitSet(matrix.userCount());
      for (int cu = Bits.next(f.users, 0); cu >= 0; cu = Bits.next(f.users, cu + 1)) {
        for (int u : c.userClasses.get(cu)) {
          users.set(u);
        }
      }
      BitSet ents = new BitSet(matrix.entitlementCount());
      for (int cp = Bits.next(f.perms, 0); cp >= 0; cp = Bits.next(f.perms, cp + 1)) {
        for (int p : c.entitlementClasses.get(cp)) {
          ents.set(p);
        }
      }
      roles.add(new MinedRole(users, ents, f.origin));
      if (f.origin == MinedRole.Origin.MANDATORY) {
        mandatory++;
      }
    }
    int bound = k.mandatoryBeforeStall + k.remainderBound;
    return new RoleSet(
        roles,
        mandatory,
        bound,
        c.userClasses.size(),
        c.entitlementClasses.size(),
        Coverage.of(matrix, roles));
  }

  /** The matrix with identical rows, then identical columns, merged; empty rows dropped. */
  private static final class Collapsed {
    final List<int[]> userClasses = new ArrayList<>();
    final List<int[]> entitlementClasses = new ArrayList<>();
    long[][] rows = new long[0][];

    static Collapsed of(AssignmentMatrix m) {
      Collapsed c = new Collapsed();
      long[][] src = m.rows();
      Map<Key, List<Integer>> byRow = new HashMap<>();
      List<Key> order = new ArrayList<>();
      for (int u = 0; u < src.length; u++) {
        if (Bits.isEmpty(src[u])) {
          continue;
        }
        Key key = new Key(src[u]);
        List<Integer> same = byRow.get(key);
        if (same == null) {
          same = new ArrayList<>();
          byRow.put(key, same);
          order.add(key);
        }
        same.add(u);
      }
      int n = order.size();
      for (Key k : order) {
        c.userClasses.add(byRow.get(k).stream().mapToInt(Integer::intValue).toArray());
      }
      // columns over user classes
      int nw = Bits.words(n);
      long[][] cols = new long[m.entitlementCount()][nw];
      for (int cu = 0; cu < n; cu++) {
        long[] r = order.get(cu).bits;
        for (int p = Bits.next(r, 0); p >= 0; p = Bits.next(r, p + 1)) {
          Bits.set(cols[p], cu);
        }
      }
      Map<Key, List<Integer>> byCol = new HashMap<>();
      List<Key> colOrder = new ArrayList<>();
      for (int p = 0; p < cols.length; p++) {
        if (Bits.isEmpty(cols[p])) {
          continue;
        }
        Key key = new Key(cols[p]);
        List<Integer> same = byCol.get(key);
        if (same == null) {
          same = new ArrayList<>();
          byCol.put(key, same);
          colOrder.add(key);
        }
        same.add(p);
      }
      int mm = colOrder.size();
      for (Key k : colOrder) {
        c.entitlementClasses.add(byCol.get(k).stream().mapToInt(Integer::intValue).toArray());
      }
      int mw = Bits.words(mm);
      c.rows = new long[n][mw];
      for (int cp = 0; cp < mm; cp++) {
        long[] col = colOrder.get(cp).bits;
        for (int cu = Bits.next(col, 0); cu >= 0; cu = Bits.next(col, cu + 1)) {
          Bits.set(c.rows[cu], cp);
        }
      }
      return c;
    }
  }

  /** A bitset as a hash key. */
  private static final class Key {
    final long[] bits;
    final int hash;

    Key(long[] bits) {
      this.bits = bits;
      this.hash = Arrays.hashCode(bits);
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Key k && Arrays.equals(bits, k.bits);
    }

    @Override
    public int hashCode() {
      return hash;
    }
  }

  /** The reduction / greedy loop over the collapsed matrix. */
  private final class Kernel {
    record Found(long[] users, long[] perms, MinedRole.Origin origin) {}

    final int n;
    final int m;
    final int nw;
    final int mw;
    final long[][] row;
    final long[][] col;
    final long[][] unc;
    long[] aliveU;
    long[] aliveP;
    final List<Found> found = new ArrayList<>();

    /** Dominated assignments as {v, q, u, p}: (v, q) is granted with the role covering (u, p). */
    final List<int[]> dominated = new ArrayList<>();

    List<int[]> bestDominated = new ArrayList<>();
    int dominatedBeforeStall;
    int mandatoryBeforeStall = -1;
    int remainderBound;

    Kernel(long[][] rows, int m) {
      this.n = rows.length;
      this.m = m;
      this.nw = Bits.words(n);
      this.mw = Bits.words(m);
      this.row = rows;
      this.col = new long[m][nw];
      this.unc = new long[n][];
      for (int u = 0; u < n; u++) {
        unc[u] = rows[u].clone();
        for (int p = Bits.next(rows[u], 0); p >= 0; p = Bits.next(rows[u], p + 1)) {
          Bits.set(col[p], u);
        }
      }
      refreshAlive();
    }

    void refreshAlive() {
      aliveU = new long[nw];
      aliveP = new long[mw];
      for (int u = 0; u < n; u++) {
        if (!Bits.isEmpty(unc[u])) {
          Bits.set(aliveU, u);
          for (int i = 0; i < mw; i++) {
            aliveP[i] |= unc[u][i];
          }
        }
      }
    }

    boolean done() {
      return Bits.isEmpty(aliveU);
    }

    void solve() {
      while (!done() && reduce()) {
        refreshAlive();
      }
      mandatoryBeforeStall = found.size();
      dominatedBeforeStall = dominated.size();
      bestDominated = new ArrayList<>(dominated);
      if (done()) {
        remainderBound = 0;
        return;
      }
      remainderBound = lowerBound();
      Remainder exact = searchRemainder();
      if (exact != null) {
        remainderBound = Math.max(remainderBound, exact.lowerBound);
        if (exact.proven) {
          found.addAll(exact.roles);
          return;
        }
      }
      long[][] stallUnc = new long[n][];
      for (int u = 0; u < n; u++) {
        stallUnc[u] = unc[u].clone();
      }
      List<Found> best = null;
      for (int attempt = 0; attempt <= attempts; attempt++) {
        for (int u = 0; u < n; u++) {
          unc[u] = stallUnc[u].clone();
        }
        while (found.size() > mandatoryBeforeStall) {
          found.remove(found.size() - 1);
        }
        while (dominated.size() > dominatedBeforeStall) {
          dominated.remove(dominated.size() - 1);
        }
        refreshAlive();
        java.util.Random random = attempt <= 1 ? null : new java.util.Random(attempt);
        while (!done()) {
          if (reduce()) {
            refreshAlive();
            continue;
          }
          if (attempt % 2 == 0) {
            edgePick(attempt == 0 ? null : random);
          } else {
            greedyPick(random);
          }
          refreshAlive();
        }
        List<Found> candidate = pruned();
        if (best == null || candidate.size() < best.size()) {
          best = candidate;
          bestDominated = new ArrayList<>(dominated);
        }
        if (best.size() == mandatoryBeforeStall + remainderBound) {
          break;
        }
      }
      if (exact != null && mandatoryBeforeStall + exact.roles.size() < best.size()) {
        best = new ArrayList<>(found.subList(0, mandatoryBeforeStall));
        best.addAll(exact.roles);
        bestDominated = new ArrayList<>(dominated.subList(0, dominatedBeforeStall));
      }
      found.clear();
      found.addAll(best);
      dominated.clear();
      dominated.addAll(bestDominated);
    }

    /** A cover of the remainder found by exhaustive search, and what the search proved. */
    record Remainder(List<Found> roles, int lowerBound, boolean proven) {}

    /**
     * The remainder is a minimum clique cover of the compatibility graph of the uncovered
     * assignments (pairwise compatible assignments always fit one role), which splits into
     * connected components; each is solved exactly by {@link CliqueCover} within a node budget.
     * Returns null when the remainder is too large to build the graph.
     */
    @Nullable Remainder searchRemainder() {
      List<int[]> edges = new ArrayList<>();
      for (int u = Bits.next(aliveU, 0); u >= 0; u = Bits.next(aliveU, u + 1)) {
        for (int p = Bits.next(unc[u], 0); p >= 0; p = Bits.next(unc[u], p + 1)) {
          edges.add(new int[] {u, p});
          if (edges.size() > SEARCH_MAX_ASSIGNMENTS) {
            return null;
          }
        }
      }
      int e = edges.size();
      int[] comp = new int[e];
      Arrays.fill(comp, -1);
      List<List<Integer>> components = new ArrayList<>();
      for (int i = 0; i < e; i++) {
        if (comp[i] >= 0) {
          continue;
        }
        List<Integer> members = new ArrayList<>();
        java.util.ArrayDeque<Integer> todo = new java.util.ArrayDeque<>();
        todo.push(i);
        comp[i] = components.size();
        while (!todo.isEmpty()) {
          int a = todo.pop();
          members.add(a);
          for (int j = 0; j < e; j++) {
            if (comp[j] < 0 && compatible(edges.get(a), edges.get(j))) {
              comp[j] = components.size();
              todo.push(j);
            }
          }
        }
        components.add(members);
      }
      List<Found> roles = new ArrayList<>();
      int bound = 0;
      boolean proven = true;
      for (List<Integer> members : components) {
        int k = members.size();
        long[][] incompatible = new long[k][Bits.words(k)];
        for (int a = 0; a < k; a++) {
          for (int b = a + 1; b < k; b++) {
            if (!compatible(edges.get(members.get(a)), edges.get(members.get(b)))) {
              Bits.set(incompatible[a], b);
              Bits.set(incompatible[b], a);
            }
          }
        }
        CliqueCover.Result r = CliqueCover.solve(incompatible, SEARCH_NODES);
        proven &= r.proven();
        bound += r.proven() ? r.count() : r.lowerBound();
        for (int c = 0; c < r.count(); c++) {
          long[] users = new long[nw];
          long[] perms = new long[mw];
          for (int a = 0; a < k; a++) {
            if (r.clique()[a] == c) {
              int[] edge = edges.get(members.get(a));
              Bits.set(users, edge[0]);
              Bits.set(perms, edge[1]);
            }
          }
          if (!Bits.isEmpty(users)) {
            roles.add(new Found(users, perms, MinedRole.Origin.SEARCH));
          }
        }
      }
      return new Remainder(roles, bound, proven);
    }

    boolean compatible(int[] a, int[] b) {
      return Bits.get(row[a[0]], b[1]) && Bits.get(row[b[0]], a[1]);
    }

    /** One round of reductions; true when something changed. */
    boolean reduce() {
      return mandatoryPass() > 0 || dominancePass() > 0;
    }

    /**
     * An uncovered assignment (v, q) is dominated by another uncovered one (u, p) when live
     * entitlements(u) ⊆ entitlements(v) and live holders(p) ⊆ holders(q): every biclique covering
     * (u, p) stays a biclique with v and q added, so (v, q) need not be covered on its own. It is
     * marked covered here and granted at the end by extending the role that covers (u, p).
     */
    int dominancePass() {
      long liveUsers = Bits.cardinality(aliveU);
      long livePerms = Bits.cardinality(aliveP);
      if (liveUsers * liveUsers + livePerms * livePerms > DOMINANCE_MAX_PAIRS) {
        return 0; // quadratic in live vertices: skipped on very large remainders
      }
      int[] us = new int[Bits.cardinality(aliveU)];
      int k = 0;
      for (int u = Bits.next(aliveU, 0); u >= 0; u = Bits.next(aliveU, u + 1)) {
        us[k++] = u;
      }
      long[][] live = new long[n][];
      for (int u : us) {
        live[u] = Bits.and(row[u], aliveP);
      }
      // subUsers[v] = live users u != v whose live row is a subset of v's
      long[][] subUsers = new long[n][];
      for (int v : us) {
        long[] sub = new long[nw];
        for (int u : us) {
          if (u != v && Bits.subset(live[u], live[v])) {
            Bits.set(sub, u);
          }
        }
        subUsers[v] = sub;
      }
      int[] ps = new int[Bits.cardinality(aliveP)];
      k = 0;
      for (int p = Bits.next(aliveP, 0); p >= 0; p = Bits.next(aliveP, p + 1)) {
        ps[k++] = p;
      }
      long[][] liveCol = new long[m][];
      for (int p : ps) {
        liveCol[p] = Bits.and(col[p], aliveU);
      }
      long[][] subPerms = new long[m][];
      for (int q : ps) {
        long[] sub = new long[mw];
        for (int p : ps) {
          if (p != q && Bits.subset(liveCol[p], liveCol[q])) {
            Bits.set(sub, p);
          }
        }
        subPerms[q] = sub;
      }
      // holdersOf[q] = live users with an uncovered assignment in subPerms[q] ∪ {q}; marking only
      // removes assignments, so a hit is verified below and a stale one falls back to the scan
      long[][] candidates = new long[m][];
      for (int q : ps) {
        long[] subP = subPerms[q].clone();
        Bits.set(subP, q);
        long[] h = new long[nw];
        for (int u : us) {
          if (firstCommon(unc[u], subP) >= 0) {
            Bits.set(h, u);
          }
        }
        candidates[q] = h;
      }
      int marked = 0;
      for (int v : us) {
        for (int q = Bits.next(unc[v], 0); q >= 0; q = Bits.next(unc[v], q + 1)) {
          int du = -1;
          int dp = -1;
          // same user, another column
          int p0 = firstCommon(unc[v], subPerms[q]);
          if (p0 >= 0) {
            du = v;
            dp = p0;
          } else if (firstCommon(subUsers[v], candidates[q]) >= 0) {
            long[] subP = subPerms[q].clone();
            Bits.set(subP, q);
            for (int u = Bits.next(subUsers[v], 0); u >= 0; u = Bits.next(subUsers[v], u + 1)) {
              int p = firstCommon(unc[u], subP);
              if (p >= 0) {
                du = u;
                dp = p;
                break;
              }
            }
          }
          if (du >= 0) {
            Bits.clear(unc[v], q);
            dominated.add(new int[] {v, q, du, dp});
            marked++;
          }
        }
      }
      return marked;
    }

    /** Grants each dominated assignment, latest first, through a role covering its dominator. */
    void grantDominated() {
      for (int i = dominated.size() - 1; i >= 0; i--) {
        int[] d = dominated.get(i);
        Found host = null;
        for (Found f : found) {
          if (Bits.get(f.users, d[2]) && Bits.get(f.perms, d[3])) {
            host = f;
            break;
          }
        }
        if (host == null) {
          throw new IllegalStateException("dominating assignment left uncovered");
        }
        Bits.set(host.users, d[0]);
        Bits.set(host.perms, d[1]);
      }
    }

    /** Closure of each live entitlement: live entitlements every live holder of it has. */
    long[][] closures() {
      long[][] closure = new long[m][];
      for (int p = Bits.next(aliveP, 0); p >= 0; p = Bits.next(aliveP, p + 1)) {
        long[] acc = aliveP.clone();
        long[] holders = col[p];
        for (int i = 0; i < nw; i++) {
          long w = holders[i] & aliveU[i];
          while (w != 0) {
            int v = (i << 6) + Long.numberOfTrailingZeros(w);
            w &= w - 1;
            Bits.andInto(acc, row[v]);
          }
        }
        closure[p] = acc;
      }
      return closure;
    }

    int mandatoryPass() {
      long[][] closure = closures();
      int added = 0;
      for (int u = Bits.next(aliveU, 0); u >= 0; u = Bits.next(aliveU, u + 1)) {
        long[] r = Bits.and(row[u], aliveP);
        for (int p = Bits.next(unc[u], 0); p >= 0; p = Bits.next(unc[u], p + 1)) {
          if (Bits.subset(r, closure[p])) {
            take(Bits.and(col[p], aliveU), r, MinedRole.Origin.MANDATORY);
            added++;
          }
        }
      }
      return added;
    }

    void take(long[] users, long[] perms, MinedRole.Origin origin) {
      found.add(new Found(users, perms, origin));
      for (int v = Bits.next(users, 0); v >= 0; v = Bits.next(users, v + 1)) {
        Bits.andNotInto(unc[v], perms);
      }
    }

    int uncoveredIn(long[] users, long[] perms) {
      int s = 0;
      for (int v = Bits.next(users, 0); v >= 0; v = Bits.next(users, v + 1)) {
        s += Bits.andCardinality(unc[v], perms);
      }
      return s;
    }

    void greedyPick(java.util.@Nullable Random random) {
      List<long[]> candUsers = new ArrayList<>();
      List<long[]> candPerms = new ArrayList<>();
      List<Integer> scores = new ArrayList<>();
      int best = -1;
      // user-anchored candidates: entitlements(u) × everyone holding all of them
      for (int u = Bits.next(aliveU, 0); u >= 0; u = Bits.next(aliveU, u + 1)) {
        long[] perms = Bits.and(row[u], aliveP);
        long[] users = aliveU.clone();
        for (int p = Bits.next(perms, 0); p >= 0; p = Bits.next(perms, p + 1)) {
          Bits.andInto(users, col[p]);
        }
        int s = uncoveredIn(users, perms);
        candUsers.add(users);
        candPerms.add(perms);
        scores.add(s);
        best = Math.max(best, s);
      }
      // entitlement-anchored candidates: holders(p) × their common entitlements
      long[][] closure = closures();
      for (int p = Bits.next(aliveP, 0); p >= 0; p = Bits.next(aliveP, p + 1)) {
        long[] users = Bits.and(col[p], aliveU);
        int s = uncoveredIn(users, closure[p]);
        candUsers.add(users);
        candPerms.add(closure[p]);
        scores.add(s);
        best = Math.max(best, s);
      }
      if (best <= 0) {
        throw new IllegalStateException("no candidate covers an uncovered assignment");
      }
      // deterministic: the first best; randomized: any candidate within 1 - slack of the best
      double floor = random == null ? best : best * (1 - slack);
      List<Integer> eligible = new ArrayList<>();
      for (int i = 0; i < scores.size(); i++) {
        if (scores.get(i) >= floor && scores.get(i) > 0) {
          eligible.add(i);
        }
      }
      int pick = random == null ? eligible.get(0) : eligible.get(random.nextInt(eligible.size()));
      take(candUsers.get(pick), candPerms.get(pick), MinedRole.Origin.GREEDY);
    }

    /**
     * Lowest-degree-first: the uncovered assignment (u, p) compatible with the fewest other
     * uncovered assignments is the hardest to cover; take, among the maximal bicliques containing
     * it (anchored on u, on p, or on u and another holder of p), the one covering the most.
     */
    void edgePick(java.util.@Nullable Random random) {
      int bu = -1;
      int bp = -1;
      long bestDeg = Long.MAX_VALUE;
      int[] shared = new int[n];
      for (int u = Bits.next(aliveU, 0); u >= 0; u = Bits.next(aliveU, u + 1)) {
        long[] r = Bits.and(row[u], aliveP);
        for (int v = Bits.next(aliveU, 0); v >= 0; v = Bits.next(aliveU, v + 1)) {
          shared[v] = Bits.andCardinality(unc[v], r);
        }
        for (int p = Bits.next(unc[u], 0); p >= 0; p = Bits.next(unc[u], p + 1)) {
          long deg = 0;
          long[] holders = col[p];
          for (int i = 0; i < nw; i++) {
            long w = holders[i] & aliveU[i];
            while (w != 0) {
              deg += shared[(i << 6) + Long.numberOfTrailingZeros(w)];
              w &= w - 1;
            }
          }
          if (random != null) {
            deg = deg * 16 + random.nextInt(16);
          }
          if (deg < bestDeg) {
            bestDeg = deg;
            bu = u;
            bp = p;
          }
        }
      }
      long[] r = Bits.and(row[bu], aliveP);
      long[] holders = Bits.and(col[bp], aliveU);
      long[] bestUsers = null;
      long[] bestPerms = null;
      int best = -1;
      for (int v = Bits.next(holders, 0); v >= 0; v = Bits.next(holders, v + 1)) {
        long[] perms = Bits.and(r, row[v]);
        long[] users = aliveU.clone();
        for (int q = Bits.next(perms, 0); q >= 0; q = Bits.next(perms, q + 1)) {
          Bits.andInto(users, col[q]);
        }
        int s = uncoveredIn(users, perms);
        if (s > best) {
          best = s;
          bestUsers = users;
          bestPerms = perms;
        }
      }
      long[] perms = aliveP.clone();
      for (int v = Bits.next(holders, 0); v >= 0; v = Bits.next(holders, v + 1)) {
        Bits.andInto(perms, row[v]);
      }
      int s = uncoveredIn(holders, perms);
      if (s > best || bestUsers == null || bestPerms == null) {
        bestUsers = holders;
        bestPerms = perms;
      }
      take(bestUsers, bestPerms, MinedRole.Origin.GREEDY);
    }

    /**
     * Greedy maximal set of pairwise incompatible uncovered assignments of the live matrix: (u, p)
     * and (v, q) are incompatible when u lacks q or v lacks p. Assignments with the smallest
     * neighbourhoods are tried first.
     */
    int lowerBound() {
      List<long[]> edges = new ArrayList<>();
      int[] degU = new int[n];
      int[] degP = new int[m];
      for (int u = Bits.next(aliveU, 0); u >= 0; u = Bits.next(aliveU, u + 1)) {
        degU[u] = Bits.andCardinality(row[u], aliveP);
      }
      for (int p = Bits.next(aliveP, 0); p >= 0; p = Bits.next(aliveP, p + 1)) {
        degP[p] = Bits.andCardinality(col[p], aliveU);
      }
      for (int u = Bits.next(aliveU, 0); u >= 0; u = Bits.next(aliveU, u + 1)) {
        for (int p = Bits.next(unc[u], 0); p >= 0; p = Bits.next(unc[u], p + 1)) {
          edges.add(new long[] {(long) degU[u] * degP[p], u, p});
        }
      }
      edges.sort((a, b) -> a[0] != b[0] ? Long.compare(a[0], b[0]) : Long.compare(a[1], b[1]));
      int[] cu = new int[edges.size()];
      int[] cp = new int[edges.size()];
      int k = 0;
      for (long[] e : edges) {
        int u = (int) e[1];
        int p = (int) e[2];
        boolean independent = true;
        for (int i = 0; i < k; i++) {
          if (Bits.get(row[u], cp[i]) && Bits.get(row[cu[i]], p)) {
            independent = false;
            break;
          }
        }
        if (independent) {
          cu[k] = u;
          cp[k] = p;
          k++;
        }
      }
      return k;
    }

    int firstCommon(long[] a, long[] b) {
      for (int i = 0; i < a.length; i++) {
        long w = a[i] & b[i];
        if (w != 0) {
          return (i << 6) + Long.numberOfTrailingZeros(w);
        }
      }
      return -1;
    }

    /** Drops roles, latest greedy ones first, whose every cell another role also grants. */
    List<Found> pruned() {
      List<Found> kept = new ArrayList<>(found);
      for (int i = kept.size() - 1; i >= 0; i--) {
        Found f = kept.get(i);
        if (f.origin == MinedRole.Origin.MANDATORY) {
          continue;
        }
        boolean redundant = true;
        for (int v = Bits.next(f.users, 0); v >= 0 && redundant; v = Bits.next(f.users, v + 1)) {
          long[] others = new long[mw];
          for (int j = 0; j < kept.size(); j++) {
            Found g = kept.get(j);
            if (j != i && Bits.get(g.users, v)) {
              for (int w = 0; w < mw; w++) {
                others[w] |= g.perms[w];
              }
            }
          }
          redundant = Bits.subset(f.perms, others);
        }
        if (redundant) {
          kept.remove(i);
        }
      }
      return kept;
    }
  }
}
