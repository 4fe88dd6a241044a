package dev.least.analysis;

import dev.least.model.DenseKeys;
import dev.least.model.SignInLog;
import dev.least.model.Source;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.function.IntPredicate;

/**
 * Selected events of a log per platform account, each account's in time order (events at the same
 * millisecond in log order), the accounts ordered by {@code platform|accountId} — what a {@code
 * TreeMap<String, List<Integer>>} keyed {@code source.folder() + "|" + accountId} and a stable sort
 * by time give, read from the log's columns without building an event, a key string or a boxed
 * index per event.
 */
final class AccountTimelines {
  private final SignInLog log;
  private final Source[] sources;
  private final int[] accounts;
  private final int[] start;
  private final int[] events;

  private AccountTimelines(
      SignInLog log, Source[] sources, int[] accounts, int[] start, int[] events) {
    this.log = log;
    this.sources = sources;
    this.accounts = accounts;
    this.start = start;
    this.events = events;
  }

  /** The events {@code select} accepts (by index), per platform account. */
  static AccountTimelines of(SignInLog log, IntPredicate select) {
    int n = log.size();
    DenseKeys keys = new DenseKeys();
    int[] groupOf = new int[n];
    int[] counts = new int[16];
    int selected = 0;
    for (int i = 0; i < n; i++) {
      if (!select.test(i)) {
        groupOf[i] = -1;
        continue;
      }
      int g = keys.id(DenseKeys.pack(log.source(i).ordinal(), log.accountCode(i)));
      if (g == counts.length) {
        counts = Arrays.copyOf(counts, g * 2);
      }
      counts[g]++;
      groupOf[i] = g;
      selected++;
    }
    int groups = keys.size();
    Source[] all = Source.values();
    String[] names = new String[groups];
    Integer[] order = new Integer[groups];
    for (int g = 0; g < groups; g++) {
      long key = keys.key(g);
      names[g] = all[(int) (key >>> 32)].folder() + "|" + log.string((int) key);
      order[g] = g;
    }
    Arrays.sort(order, Comparator.comparing((Integer g) -> names[g]));
    int[] rank = new int[groups];
    for (int r = 0; r < groups; r++) {
      rank[order[r]] = r;
    }
    Source[] sources = new Source[groups];
    int[] accounts = new int[groups];
    int[] start = new int[groups + 1];
    for (int r = 0; r < groups; r++) {
      int g = order[r];
      long key = keys.key(g);
      sources[r] = all[(int) (key >>> 32)];
      accounts[r] = (int) key;
      start[r + 1] = start[r] + counts[g];
    }
    int[] events = new int[selected];
    int[] fill = Arrays.copyOf(start, groups);
    for (int i = 0; i < n; i++) {
      int g = groupOf[i];
      if (g >= 0) {
        events[fill[rank[g]]++] = i;
      }
    }
    for (int r = 0; r < groups; r++) {
      sortByTime(log, events, start[r], start[r + 1]);
    }
    return new AccountTimelines(log, sources, accounts, start, events);
  }

  int size() {
    return sources.length;
  }

  Source source(int account) {
    return sources[account];
  }

  /**
   * (platform ordinal, account code) of the {@code account}-th timeline, as {@link DenseKeys#pack}.
   */
  long packedKey(int account) {
    return DenseKeys.pack(sources[account].ordinal(), accounts[account]);
  }

  /** The account id of the {@code account}-th timeline. */
  String accountId(int account) {
    String id = log.string(accounts[account]);
    return id == null ? "null" : id;
  }

  /** The {@code platform|accountId} key of the {@code account}-th timeline. */
  String key(int account) {
    return sources[account].folder() + "|" + accountId(account);
  }

  /** The account's events (log indexes) in time order: a fresh array. */
  int[] events(int account) {
    return Arrays.copyOfRange(events, start[account], start[account + 1]);
  }

  /**
   * Sorts {@code idx[from, to)} (ascending log indexes) by event time, ties in index order: as a
   * stable sort by time would.
   */
  static void sortByTime(SignInLog log, int[] idx, int from, int to) {
    int len = to - from;
    if (len < 2) {
      return;
    }
    long min = Long.MAX_VALUE;
    long max = Long.MIN_VALUE;
    boolean sorted = true;
    long prev = Long.MIN_VALUE;
    for (int k = from; k < to; k++) {
      long t = log.epochMillis(idx[k]);
      sorted &= t >= prev;
      prev = t;
      min = Math.min(min, t);
      max = Math.max(max, t);
    }
    if (sorted) {
      return;
    }
    int posBits = 64 - Long.numberOfLeadingZeros(len - 1L);
    long span = max - min;
    if (span >= 0 && 64 - Long.numberOfLeadingZeros(span) + posBits <= 63) {
      // (time offset, position) packed in one long: sorting the longs is a stable sort by time
      long[] packed = new long[len];
      int[] copy = Arrays.copyOfRange(idx, from, to);
      for (int k = 0; k < len; k++) {
        packed[k] = (log.epochMillis(copy[k]) - min) << posBits | k;
      }
      Arrays.sort(packed);
      long mask = (1L << posBits) - 1;
      for (int k = 0; k < len; k++) {
        idx[from + k] = copy[(int) (packed[k] & mask)];
      }
      return;
    }
    List<Integer> boxed = new ArrayList<>(len);
    for (int k = from; k < to; k++) {
      boxed.add(idx[k]);
    }
    boxed.sort(Comparator.comparingLong(log::epochMillis));
    for (int k = 0; k < len; k++) {
      idx[from + k] = boxed.get(k);
    }
  }
}
