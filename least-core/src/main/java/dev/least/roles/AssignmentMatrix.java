package dev.least.roles;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The user × entitlement matrix: one {@code long[]} bitset row per user over entitlement columns,
 * with the labels (ids) of both sides. Immutable once built.
 */
public final class AssignmentMatrix {
  private final List<String> users;
  private final List<String> entitlements;
  private final long[][] rows;
  private final int assignments;

  private AssignmentMatrix(List<String> users, List<String> entitlements, long[][] rows) {
    this.users = List.copyOf(users);
    this.entitlements = List.copyOf(entitlements);
    this.rows = rows;
    int n = 0;
    for (long[] r : rows) {
      n += Bits.cardinality(r);
    }
    this.assignments = n;
  }

  /** Collects (user, entitlement) pairs in first-seen order; duplicates are ignored. */
  public static final class Builder {
    private final Map<String, Integer> userIndex = new LinkedHashMap<>();
    private final Map<String, Integer> entitlementIndex = new LinkedHashMap<>();
    private final List<BitSet> rows = new ArrayList<>();

    public Builder add(String user, String entitlement) {
      requireNonNull(user, "user");
      requireNonNull(entitlement, "entitlement");
      int u =
          userIndex.computeIfAbsent(
              user,
              k -> {
                rows.add(new BitSet());
                return rows.size() - 1;
              });
      int p = entitlementIndex.computeIfAbsent(entitlement, k -> entitlementIndex.size());
      rows.get(u).set(p);
      return this;
    }

    /** Fixes the column order up front (columns never assigned stay empty). */
    public Builder declareEntitlements(List<String> keys) {
      for (String k : keys) {
        entitlementIndex.computeIfAbsent(
            requireNonNull(k, "entitlement"), x -> entitlementIndex.size());
      }
      return this;
    }

    /** Registers a user with no entitlements (kept as an empty row). */
    public Builder addUser(String user) {
      userIndex.computeIfAbsent(
          user,
          k -> {
            rows.add(new BitSet());
            return rows.size() - 1;
          });
      return this;
    }

    public AssignmentMatrix build() {
      int words = Bits.words(entitlementIndex.size());
      long[][] r = new long[rows.size()][];
      for (int i = 0; i < r.length; i++) {
        r[i] = java.util.Arrays.copyOf(rows.get(i).toLongArray(), words);
      }
      return new AssignmentMatrix(
          new ArrayList<>(userIndex.keySet()), new ArrayList<>(entitlementIndex.keySet()), r);
    }
  }

  public static Builder builder() {
    return new Builder();
  }

  /** A matrix from 0/1 rows, users named {@code u0…}, entitlements {@code p0…} (for tests). */
  public static AssignmentMatrix of(int[][] cells) {
    int cols = cells.length == 0 ? 0 : cells[0].length;
    List<String> ps = new ArrayList<>();
    for (int p = 0; p < cols; p++) {
      ps.add("p" + p);
    }
    long[][] rows = new long[cells.length][Bits.words(cols)];
    List<String> us = new ArrayList<>();
    for (int u = 0; u < cells.length; u++) {
      us.add("u" + u);
      if (cells[u].length != cols) {
        throw new IllegalArgumentException("row " + u + " has " + cells[u].length + " cells");
      }
      for (int p = 0; p < cols; p++) {
        if (cells[u][p] != 0) {
          Bits.set(rows[u], p);
        }
      }
    }
    return new AssignmentMatrix(us, ps, rows);
  }

  public int userCount() {
    return users.size();
  }

  public int entitlementCount() {
    return entitlements.size();
  }

  /** Number of (user, entitlement) cells set: |UP|. */
  public int assignmentCount() {
    return assignments;
  }

  public String user(int u) {
    return users.get(u);
  }

  public String entitlement(int p) {
    return entitlements.get(p);
  }

  public List<String> users() {
    return users;
  }

  public List<String> entitlements() {
    return entitlements;
  }

  public boolean has(int user, int entitlement) {
    return Bits.get(rows[user], entitlement);
  }

  /** The entitlements of one user, as a copy. */
  public BitSet entitlementsOf(int user) {
    return Bits.toBitSet(rows[user]);
  }

  /** The users holding one entitlement (a scan of the rows). */
  public BitSet holdersOf(int entitlement) {
    BitSet b = new BitSet(users.size());
    for (int u = 0; u < rows.length; u++) {
      if (Bits.get(rows[u], entitlement)) {
        b.set(u);
      }
    }
    return b;
  }

  /** Row bitsets, shared: callers in this package must not modify them. */
  long[][] rows() {
    return rows;
  }
}
