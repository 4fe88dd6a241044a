package dev.least.roles;

/**
 * How a role set reproduces a matrix: cells of the matrix granted by some role ({@code covered}),
 * cells of the matrix no role grants ({@code uncovered}) and cells roles grant that the matrix does
 * not have ({@code overGranted}).
 */
public record Coverage(long covered, long uncovered, long overGranted) {
  public Coverage {
    if (covered < 0 || uncovered < 0 || overGranted < 0) {
      throw new IllegalArgumentException("counts must be >= 0");
    }
  }

  /** Every assignment covered, nothing extra granted. */
  public boolean exact() {
    return uncovered == 0 && overGranted == 0;
  }

  /** Compares the union of the roles' grants with the matrix, cell by cell. */
  public static Coverage of(AssignmentMatrix m, Iterable<MinedRole> roles) {
    int words = Bits.words(m.entitlementCount());
    long[][] granted = new long[m.userCount()][words];
    for (MinedRole r : roles) {
      long[] e = java.util.Arrays.copyOf(r.entitlements().toLongArray(), words);
      for (int u = r.users().nextSetBit(0); u >= 0; u = r.users().nextSetBit(u + 1)) {
        for (int i = 0; i < words; i++) {
          granted[u][i] |= e[i];
        }
      }
    }
    long covered = 0;
    long uncovered = 0;
    long over = 0;
    long[][] rows = m.rows();
    for (int u = 0; u < rows.length; u++) {
      for (int i = 0; i < words; i++) {
        covered += Long.bitCount(rows[u][i] & granted[u][i]);
        uncovered += Long.bitCount(rows[u][i] & ~granted[u][i]);
        over += Long.bitCount(~rows[u][i] & granted[u][i]);
      }
    }
    return new Coverage(covered, uncovered, over);
  }
}
