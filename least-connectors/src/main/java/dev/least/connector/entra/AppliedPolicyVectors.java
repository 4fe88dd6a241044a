package dev.least.connector.entra;

import dev.least.model.LoggedPolicyResult;
import dev.least.model.PolicyResult;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The {@code appliedConditionalAccessPolicies} of sign-ins as shared, immutable lists: each entry
 * is matched straight from the parser's character buffer (policy id, result spelling), so a record
 * makes no Strings, no {@link LoggedPolicyResult}s and no list for its 8–15 entries once its
 * policies and their results have been seen; the same ids and results in the same order give the
 * same list instance, which {@code SignInLog} then recognises by identity.
 *
 * <p>Holds one record's entries at a time ({@link #clear()}, {@link #add}, {@link #list()}). Not
 * thread-safe: one per parser.
 */
final class AppliedPolicyVectors {
  private static final PolicyResult[] RESULTS = PolicyResult.values();

  /**
   * Graph's spellings, matched without making a String; anything else goes to the lenient parser.
   */
  private static final String[] SPELLINGS = {
    "success",
    "failure",
    "notApplied",
    "notEnabled",
    "reportOnlySuccess",
    "reportOnlyFailure",
    "reportOnlyNotApplied",
    "reportOnlyInterrupted"
  };

  private static final PolicyResult[] SPELLED = {
    PolicyResult.SUCCESS,
    PolicyResult.FAILURE,
    PolicyResult.NOT_APPLIED,
    PolicyResult.NOT_ENABLED,
    PolicyResult.REPORT_ONLY_SUCCESS,
    PolicyResult.REPORT_ONLY_FAILURE,
    PolicyResult.REPORT_ONLY_NOT_APPLIED,
    PolicyResult.REPORT_ONLY_INTERRUPTED
  };

  // policy ids seen so far: index → id, and an open-addressing table over their hashes
  private String[] ids = new String[32];
  private int idCount;
  private int[] idSlots = new int[64]; // slot → index + 1, 0 = empty
  private int[] idHashes = new int[64];

  /** Policy index → result ordinal → the shared entry. */
  private @Nullable LoggedPolicyResult[][] entries = new LoggedPolicyResult[32][];

  /** Entry codes ({@code index * RESULTS.length + ordinal}) of the record being read. */
  private final Codes current = new Codes(new int[16], 0);

  private final Map<Codes, List<LoggedPolicyResult>> lists = new HashMap<>();

  /** Starts a record (or a repeated array: the last one wins). */
  void clear() {
    current.length = 0;
  }

  /**
   * The index of the policy id {@code chars[off, off + len)}, which is not empty; a new id is
   * remembered.
   */
  int policy(char[] chars, int off, int len) {
    int h = 0;
    for (int k = 0; k < len; k++) {
      h = 31 * h + chars[off + k];
    }
    int mask = idSlots.length - 1;
    int i = (h ^ (h >>> 16)) & mask;
    while (true) {
      int s = idSlots[i];
      if (s == 0) {
        break;
      }
      if (idHashes[i] == h && same(ids[s - 1], chars, off, len)) {
        return s - 1;
      }
      i = (i + 1) & mask;
    }
    int index = idCount++;
    if (index == ids.length) {
      ids = Arrays.copyOf(ids, index * 2);
      entries = Arrays.copyOf(entries, index * 2);
    }
    ids[index] = new String(chars, off, len);
    idSlots[i] = index + 1;
    idHashes[i] = h;
    if (idCount * 2 > idSlots.length) {
      rehash();
    }
    return index;
  }

  /**
   * The result spelled {@code chars[off, off + len)}: Graph's spellings, else the lenient parse.
   */
  static PolicyResult result(char[] chars, int off, int len) {
    for (int k = 0; k < SPELLINGS.length; k++) {
      if (same(SPELLINGS[k], chars, off, len)) {
        return SPELLED[k];
      }
    }
    return PolicyResult.parse(new String(chars, off, len));
  }

  /** Appends the entry (policy {@code index}, {@code result}) to the record's list. */
  void add(int index, PolicyResult result) {
    int n = current.length;
    if (n == current.codes.length) {
      current.codes = Arrays.copyOf(current.codes, n * 2);
    }
    current.codes[n] = index * RESULTS.length + result.ordinal();
    current.length = n + 1;
  }

  /** The record's entries as a shared, immutable list. */
  List<LoggedPolicyResult> list() {
    if (current.length == 0) {
      return List.of();
    }
    List<LoggedPolicyResult> list = lists.get(current);
    if (list == null) {
      LoggedPolicyResult[] items = new LoggedPolicyResult[current.length];
      for (int k = 0; k < items.length; k++) {
        items[k] = entry(current.codes[k]);
      }
      list = List.of(items);
      lists.put(new Codes(Arrays.copyOf(current.codes, current.length), current.length), list);
    }
    return list;
  }

  private LoggedPolicyResult entry(int code) {
    int index = code / RESULTS.length;
    int ordinal = code % RESULTS.length;
    LoggedPolicyResult[] byResult = entries[index];
    if (byResult == null) {
      byResult = new LoggedPolicyResult[RESULTS.length];
      entries[index] = byResult;
    }
    LoggedPolicyResult e = byResult[ordinal];
    if (e == null) {
      e = new LoggedPolicyResult(ids[index], null, RESULTS[ordinal]);
      byResult[ordinal] = e;
    }
    return e;
  }

  private static boolean same(String s, char[] chars, int off, int len) {
    if (s.length() != len) {
      return false;
    }
    for (int k = 0; k < len; k++) {
      if (s.charAt(k) != chars[off + k]) {
        return false;
      }
    }
    return true;
  }

  private void rehash() {
    int[] oldSlots = idSlots;
    int[] oldHashes = idHashes;
    idSlots = new int[oldSlots.length * 2];
    idHashes = new int[oldSlots.length * 2];
    int mask = idSlots.length - 1;
    for (int j = 0; j < oldSlots.length; j++) {
      if (oldSlots[j] != 0) {
        int h = oldHashes[j];
        int i = (h ^ (h >>> 16)) & mask;
        while (idSlots[i] != 0) {
          i = (i + 1) & mask;
        }
        idSlots[i] = oldSlots[j];
        idHashes[i] = h;
      }
    }
  }

  /**
   * A sequence of entry codes: the key of {@link #lists}. The probe key ({@link #current}) changes
   * between lookups; the keys stored in the map are copies that never change.
   */
  private static final class Codes {
    int[] codes;
    int length;

    Codes(int[] codes, int length) {
      this.codes = codes;
      this.length = length;
    }

    @Override
    public boolean equals(@Nullable Object o) {
      return o instanceof Codes other
          && Arrays.equals(codes, 0, length, other.codes, 0, other.length);
    }

    @Override
    public int hashCode() {
      int h = 1;
      for (int k = 0; k < length; k++) {
        h = 31 * h + codes[k];
      }
      return h;
    }
  }
}
