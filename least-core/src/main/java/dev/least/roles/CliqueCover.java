package dev.least.roles;

/**
 * Exact minimum clique cover of a small compatibility graph, as a colouring of its complement (the
 * "incompatibility" graph) by DSATUR branch and bound (Brélaz 1979; colour classes of the
 * complement are cliques of the graph). A node budget keeps it bounded: when the budget runs out
 * the best cover found so far is returned, not proven.
 */
final class CliqueCover {
  /** Colour (clique index) per vertex, the number of cliques, and whether it is proven minimal. */
  record Result(int[] clique, int count, int lowerBound, boolean proven) {}

  private final int n;
  private final long[][] incompatible;
  private final int[] color;
  private final int[][] neighbourColors;
  private final int[] saturation;
  private final int[] degree;
  private int[] best;
  private int bestCount;
  private int lowerBound;
  private long nodes;
  private final long budget;

  private CliqueCover(long[][] incompatible, long budget) {
    this.n = incompatible.length;
    this.incompatible = incompatible;
    this.color = new int[n];
    this.neighbourColors = new int[n][n + 1];
    this.saturation = new int[n];
    this.degree = new int[n];
    this.budget = budget;
    for (int v = 0; v < n; v++) {
      degree[v] = Bits.cardinality(incompatible[v]);
    }
    java.util.Arrays.fill(color, -1);
  }

  /**
   * @param incompatible symmetric adjacency of the complement: bit j of row i set when vertices i
   *     and j can not share a clique
   * @param budget search nodes allowed
   */
  static Result solve(long[][] incompatible, long budget) {
    CliqueCover c = new CliqueCover(incompatible, budget);
    return c.run();
  }

  private Result run() {
    if (n == 0) {
      return new Result(new int[0], 0, 0, true);
    }
    lowerBound = greedyClique();
    // first descent without backtracking gives the DSATUR upper bound
    best = null;
    bestCount = n + 1;
    search(0, 0);
    boolean proven = nodes <= budget || bestCount == lowerBound;
    int[] out = best == null ? identity() : best;
    return new Result(out, best == null ? n : bestCount, lowerBound, proven && best != null);
  }

  private int[] identity() {
    int[] id = new int[n];
    for (int i = 0; i < n; i++) {
      id[i] = i;
    }
    return id;
  }

  /**
   * A clique of the incompatibility graph (pairwise incompatible vertices), largest degree first.
   */
  private int greedyClique() {
    Integer[] order = new Integer[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    java.util.Arrays.sort(order, (a, b) -> Integer.compare(degree[b], degree[a]));
    int bestSize = 0;
    for (int start = 0; start < Math.min(n, 32); start++) {
      long[] candidates = incompatible[order[start]].clone();
      int size = 1;
      for (Integer v : order) {
        if (Bits.get(candidates, v)) {
          size++;
          Bits.andInto(candidates, incompatible[v]);
        }
      }
      bestSize = Math.max(bestSize, size);
    }
    return bestSize;
  }

  private void search(int colored, int used) {
    if (nodes++ > budget && best != null) {
      return;
    }
    if (used >= bestCount) {
      return;
    }
    if (colored == n) {
      bestCount = used;
      best = color.clone();
      return;
    }
    int v = -1;
    for (int u = 0; u < n; u++) {
      if (color[u] < 0
          && (v < 0
              || saturation[u] > saturation[v]
              || (saturation[u] == saturation[v] && degree[u] > degree[v]))) {
        v = u;
      }
    }
    for (int c = 0; c < used; c++) {
      if (neighbourColors[v][c] == 0) {
        assign(v, c);
        search(colored + 1, used);
        unassign(v, c);
        if (bestCount == lowerBound || (nodes > budget && best != null)) {
          return;
        }
      }
    }
    if (used + 1 < bestCount) {
      assign(v, used);
      search(colored + 1, used + 1);
      unassign(v, used);
    }
  }

  private void assign(int v, int c) {
    color[v] = c;
    long[] nb = incompatible[v];
    for (int u = Bits.next(nb, 0); u >= 0; u = Bits.next(nb, u + 1)) {
      if (neighbourColors[u][c]++ == 0) {
        saturation[u]++;
      }
    }
  }

  private void unassign(int v, int c) {
    color[v] = -1;
    long[] nb = incompatible[v];
    for (int u = Bits.next(nb, 0); u >= 0; u = Bits.next(nb, u + 1)) {
      if (--neighbourColors[u][c] == 0) {
        saturation[u]--;
      }
    }
  }
}
